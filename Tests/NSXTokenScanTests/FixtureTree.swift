import Foundation

/// A throwaway directory tree for scan tests, removed when the value goes away.
final class FixtureTree {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        // Undo any chmod 000 first, or the removal fails.
        _ = try? run("/bin/chmod", ["-R", "u+rwx", root.path])
        try? FileManager.default.removeItem(at: root)
    }

    var path: String { root.path }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url(relative).path, withDestinationPath: destination)
    }

    /// Runs git in the tree with a fixed identity and no user or system configuration.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try run("/usr/bin/env", ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                                 "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments, in: root)
    }

    @discardableResult
    func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw FixtureError.failed(([program] + arguments).joined(separator: " "), text) }
        return text
    }

    /// A path inside the tree, as the scanner names it when the tree's root is the PATH.
    func shown(_ relative: String) -> String { path + "/" + relative }
}

enum FixtureError: Error, CustomStringConvertible {
    case failed(String, String)
    var description: String {
        switch self {
        case .failed(let command, let output): "\(command) failed: \(output)"
        }
    }
}

/// Tokens for fixtures: valid shapes, different prefixes.
enum Tokens {
    static func live(_ tag: String) -> String { "nsx_live_" + body(tag) }
    static func test(_ tag: String) -> String { "nsx_test_" + body(tag) }

    /// 32 base62 characters starting with `tag` (4 characters make the public prefix).
    static func body(_ tag: String) -> String {
        let filler = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF"
        return String((tag + filler).prefix(32))
    }
}
