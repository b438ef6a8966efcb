import Foundation
import Testing

/// The real `nsx-server` binary, started on a free port.
final class ServerProcess {
    let process = Process()
    private(set) var baseURL = ""

    /// `NSX_BIN_DIR` (the Makefile sets it to `swift build --show-bin-path`), else `.build/debug`.
    static var binary: String {
        if let folder = ProcessInfo.processInfo.environment["NSX_BIN_DIR"], !folder.isEmpty {
            return folder + "/nsx-server"
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/nsx-server").path
    }

    init(arguments: [String]) throws {
        let binary = Self.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Failure("nsx-server binary not found at \(binary); build it with `swift build --product nsx-server` or set NSX_BIN_DIR")
        }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints exactly one line once it listens; EOF means it died first.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("nsx-server listening on http://") else {
            throw Failure("unexpected first line from nsx-server: \(text)")
        }
        baseURL = String(text.dropFirst("nsx-server listening on ".count))
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// HTTP through the `curl` command (FoundationNetworking is not linked into the tests).
enum Curl {
    struct Result {
        let status: Int
        let body: String
    }

    static func request(_ method: String, _ url: String, token: String? = nil, json: String? = nil, headers: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "-X", method, "-w", "\n%{http_code}", "-H", "Content-Type: application/json"]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        for header in headers { arguments += ["-H", header] }
        if let json { arguments += ["--data-binary", json] }
        process.arguments = arguments + [url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.lastIndex(of: "\n"), let status = Int(text[text.index(after: newline)...]) else {
            throw ServerProcess.Failure("curl gave no status: \(text)")
        }
        return Result(status: status, body: String(text[..<newline]))
    }
}
