import Foundation
import TestSupport

/// One person at a terminal (or one script): their own config folder, pointed at a server,
/// running the real `nsx` binary. The keyring is the real one of the D-Bus session the
/// suite runs in (`scripts/with-keyring`).
final class NSXUser: @unchecked Sendable {
    let server: TestServer
    let configDir: URL
    var environment: [String: String]

    init(server: TestServer) throws {
        self.server = server
        configDir = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true, attributes: privateFolder)
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("NSX_") && key != "NSX_BIN_DIR" { env.removeValue(forKey: key) }
        env["NSX_CONFIG_DIR"] = configDir.path
        env["NSX_API_URL"] = server.url
        env.removeValue(forKey: "NO_COLOR")
        environment = env
    }

    deinit { try? FileManager.default.removeItem(at: configDir) }

    /// Runs `nsx ARGS…` with this user's environment (plus `extraEnvironment`).
    @discardableResult
    func nsx(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:],
             removing: [String] = [], timeout: TimeInterval = 60) throws -> RunResult {
        var env = environment.merging(extraEnvironment) { $1 }
        for key in removing { env.removeValue(forKey: key) }
        return try runProcess(BuildProducts.nsx, arguments, environment: env, stdin: stdin, timeout: timeout)
    }

    func nsx(_ words: String..., stdin: String? = nil) throws -> RunResult {
        try nsx(words, stdin: stdin)
    }

    /// Logs in with the seeded account through `--password-stdin`.
    func login(email: String = TestServer.email, password: String = TestServer.password, extra: [String] = []) throws -> RunResult {
        try nsx(["login", "--email", email, "--password-stdin"] + extra, stdin: password + "\n")
    }

    /// Every file under the config folder, for "no secret in any file" checks.
    func configFiles() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: configDir, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }
}
