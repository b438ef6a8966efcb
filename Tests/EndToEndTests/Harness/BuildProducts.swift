import Foundation

/// Where the built `nsx` and `nsx-server` are: `NSX_BIN_DIR` (the Makefile sets it to
/// `swift build --show-bin-path`), else `.build/debug` of this package.
enum BuildProducts {
    static let binDir: URL = {
        if let dir = ProcessInfo.processInfo.environment["NSX_BIN_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug")
    }()

    static var nsx: URL { binDir.appendingPathComponent("nsx") }
    /// `NSX_SERVER_BIN` may point at a server built elsewhere (another scratch path).
    static var server: URL {
        if let path = ProcessInfo.processInfo.environment["NSX_SERVER_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return binDir.appendingPathComponent("nsx-server")
    }
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}
