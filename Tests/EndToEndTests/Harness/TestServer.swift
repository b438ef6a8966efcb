import Foundation

/// A real `nsx-server` on a free loopback port, with throwaway in-memory data.
/// Each test that needs isolation starts its own; `stop()` (or deinit) ends it.
final class TestServer: @unchecked Sendable {
    static let email = "tester@example.com"
    static let password = "correct horse battery staple"
    static let otherEmail = "other@example.com"

    let process: Process
    let url: String
    let port: Int
    private let stderrPipe: Pipe

    /// - Parameters:
    ///   - actionDelay: seconds a state transition takes (small in tests).
    ///   - extraArguments: e.g. `["--demo"]` or `["--rate-limit", "5"]`.
    init(actionDelay: Double = 0.05, rateLimit: Int = 0, dataPath: String? = nil, extraArguments: [String] = []) throws {
        process = Process()
        process.executableURL = BuildProducts.server
        var arguments = ["--host", "127.0.0.1", "--port", "0",
                         "--action-delay", String(actionDelay), "--rate-limit", String(rateLimit),
                         "--user", "\(Self.email):\(Self.password):Test User",
                         "--user", "\(Self.otherEmail):\(Self.password):Other User",
                         "--enable-fault-injection"]
        if let dataPath { arguments += ["--data", dataPath] } else { arguments.append("--memory") }
        process.arguments = arguments + extraArguments
        let stdout = Pipe()
        stderrPipe = Pipe()
        process.standardOutput = stdout
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr so the server never blocks on a full pipe.
        stderrPipe.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }

        let line = try Self.readLine(from: stdout.fileHandleForReading, timeout: 30)
        guard let range = line.range(of: "listening on "), let colon = line.lastIndex(of: ":"),
              let port = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw HarnessError.serverDidNotStart(line)
        }
        self.port = port
        self.url = String(line[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        stderrPipe.fileHandleForReading.readabilityHandler = nil
    }

    private static func readLine(from handle: FileHandle, timeout: TimeInterval) throws -> String {
        var bytes = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            bytes.append(chunk)
            if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: bytes[..<newline], as: UTF8.self)
            }
        }
        throw HarnessError.serverDidNotStart(String(decoding: bytes, as: UTF8.self))
    }

    /// Queues a fault (`POST /__faults`, see docs/openapi.yaml's note on fault injection).
    func injectFault(_ json: String) throws {
        let result = try Curl.run(["-sS", "-X", "POST", "-H", "Content-Type: application/json", "--data", json, "\(url)/__faults"])
        guard result.status == 0, result.stdout.contains("\"success\":true") || result.stdout.contains("\"success\": true") else {
            throw HarnessError.faultRejected(result.stdout + result.stderr)
        }
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case serverDidNotStart(String)
    case faultRejected(String)
    case timedOut([String])
    case terminal(String)

    var description: String {
        switch self {
        case .serverDidNotStart(let output): "nsx-server did not print its listening line: \(output)"
        case .faultRejected(let output): "POST /__faults failed: \(output)"
        case .timedOut(let arguments): "command timed out: \(arguments.joined(separator: " "))"
        case .terminal(let output): "the pseudo-terminal runner failed: \(output)"
        }
    }
}
