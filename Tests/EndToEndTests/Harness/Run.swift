import Foundation

/// The outcome of running a real process.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }

    /// stdout parsed as JSON (Foundation, deliberately independent of nsx's own parser).
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
    }
}

/// Runs a program to completion with the given stdin and environment, with a hard
/// deadline so a hang fails the test instead of the suite.
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String],
                stdin: String? = nil, timeout: TimeInterval = 60) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin { feed(stdin, to: input) }
    // Read both pipes concurrently so neither fills up and blocks the child.
    let outData = DataBox(), errData = DataBox()
    let group = DispatchGroup()
    let outHandle = out.fileHandleForReading, errHandle = err.fileHandleForReading
    group.enter()
    DispatchQueue.global().async { outData.set(outHandle.readDataToEndOfFile()); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData.set(errHandle.readDataToEndOfFile()); group.leave() }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        process.interrupt()
        kill(process.processIdentifier, SIGKILL)
        throw HarnessError.timedOut([executable.lastPathComponent] + arguments)
    }
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: outData.get(), as: UTF8.self),
                     stderr: String(decoding: errData.get(), as: UTF8.self))
}

/// Writes `text` to a child's standard input and closes it. The child may exit without
/// reading it (a usage error, say, which the release build reaches before the write): the
/// write then fails with EPIPE, which must neither kill the test process with SIGPIPE nor
/// fail the test, whose assertions are about the child's answer.
func feed(_ text: String, to pipe: Pipe) {
    _ = brokenPipesIgnored
    try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? pipe.fileHandleForWriting.close()
}

private let brokenPipesIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

/// Bytes handed from a reader thread to the test.
final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

enum Curl {
    /// `stdin` carries what must not reach argv, e.g. `-H @-` with an Authorization header.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
        try runProcess(URL(fileURLWithPath: "/usr/bin/curl"), arguments, environment: ProcessInfo.processInfo.environment, stdin: stdin)
    }
}
