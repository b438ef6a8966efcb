import Foundation
import Testing
import TestSupport

/// The real `nsx-server` binary, started on a free port.
final class ServerProcess {
    let process = Process()
    private(set) var baseURL = ""
    /// Where the server's stderr (request log, warnings) goes, when the test asked to keep it.
    let stderrPath: String?

    /// `NSX_BIN_DIR` (the Makefile sets it to `swift build --show-bin-path`), else `.build/debug`.
    static var binary: String {
        if let folder = ProcessInfo.processInfo.environment["NSX_BIN_DIR"], !folder.isEmpty {
            return folder + "/nsx-server"
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/nsx-server").path
    }

    /// - Parameters:
    ///   - umask: run the server under this umask (through `/bin/sh`), e.g. `"000"`.
    ///   - stderrPath: a file that receives the server's stderr; otherwise it is discarded.
    init(arguments: [String], umask: String? = nil, stderrPath: String? = nil) throws {
        self.stderrPath = stderrPath
        Self.prepare(process, arguments: ["--port", "0"] + arguments, umask: umask)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try Self.stderrHandle(stderrPath)
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
            process.waitUntilExit()
            throw Failure("unexpected first line from nsx-server: \(text)")
        }
        baseURL = String(text.dropFirst("nsx-server listening on ".count))
    }

    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }

    /// CPU time the server has used so far (user + system), from /proc.
    func cpuSeconds() throws -> Double {
        let stat = try #require(ProcStat("/proc/\(process.processIdentifier)"))
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return Double(try #require(stat.number(14)) + (try #require(stat.number(15)))) / ticks  // utime + stime
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

    /// What the server wrote to stderr so far (needs `stderrPath`).
    var stderr: String {
        guard let stderrPath else { return "" }
        return (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
    }

    /// Runs the binary expecting it to stop by itself (a refused start-up, help): its exit
    /// status, stdout and stderr (each well under a pipe's buffer). A server that starts
    /// listening instead is killed after `deadline` seconds and reported as still running
    /// (status nil).
    static func runToExit(arguments: [String], umask: String? = nil, deadline: Double = 15) throws -> (status: Int32?, stdout: String, stderr: String) {
        let process = Process()
        prepare(process, arguments: ["--port", "0"] + arguments, umask: umask)
        let errors = Pipe()
        let output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        try process.run()
        let started = Date()
        while process.isRunning, Date().timeIntervalSince(started) < deadline { usleep(20_000) }
        let stillRunning = process.isRunning
        if stillRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (stillRunning ? nil : process.terminationStatus, printed, text)
    }

    private static func prepare(_ process: Process, arguments: [String], umask: String?) {
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
    }

    private static func stderrHandle(_ path: String?) throws -> FileHandle {
        guard let path else { return FileHandle.nullDevice }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { throw Failure("cannot create \(path)") }
        return handle
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
        /// curl's own measure of the whole request, in seconds.
        let seconds: Double
    }

    static func request(_ method: String, _ url: String, token: String? = nil, json: String? = nil, bodyFile: String? = nil,
                        headers: [String] = [], maxTime: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "-X", method, "-w", "\n%{http_code} %{time_total}", "-H", "Content-Type: application/json"]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        for header in headers { arguments += ["-H", header] }
        if let json { arguments += ["--data-binary", json] }
        if let bodyFile { arguments += ["--data-binary", "@" + bodyFile] }
        if let maxTime { arguments += ["--max-time", String(maxTime)] }
        process.arguments = arguments + [url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.lastIndex(of: "\n") else { throw ServerProcess.Failure("curl gave no status: \(text)") }
        let trailer = text[text.index(after: newline)...].split(separator: " ")
        guard trailer.count == 2, let status = Int(trailer[0]), let seconds = Double(trailer[1]) else {
            throw ServerProcess.Failure("curl gave no status: \(text)")
        }
        return Result(status: status, body: String(text[..<newline]), seconds: seconds)
    }

    /// GETs `url` `count` times over one kept-alive connection and returns each request's
    /// time in seconds, as curl measured it in its own process.
    static func timedGets(_ url: String, count: Int, token: String) throws -> [Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "10", "-w", "%{http_code} %{time_total}\n", "-H", "Authorization: Bearer \(token)"]
            + (0..<count).flatMap { _ in ["-o", "/dev/null", url] }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0] == "200", let seconds = Double(parts[1]) else {
                throw ServerProcess.Failure("unexpected curl line: \(line)")
            }
            return seconds
        }
    }
}

/// The n-th percentile (0–100) of some samples, nearest-rank.
func percentile(_ p: Double, of samples: [Double]) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, min(sorted.count - 1, rank - 1))]
}
