import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn, its standard output readable through a pipe.
/// (Plain POSIX keeps the test support free of run-loop machinery.)
struct ChildProcess: Sendable {
    let pid: pid_t
    let output: Int32

    init(_ executable: String, _ arguments: [String]) throws {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test runner blocks some signals; the child must not inherit that mask.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            throw POSIXError(.init(rawValue: spawned) ?? .EIO)
        }
        self.pid = pid
        output = pipeEnds[0]
    }

    /// Runs to completion; true when it exited 0.
    static func run(_ executable: String, _ arguments: [String]) throws -> Bool {
        let child = try ChildProcess(executable, arguments)
        _ = child.readAll()
        return child.wait() == 0
    }

    /// Reads standard output until `done` says enough, or the child closes it.
    func read(until done: (String) -> Bool) -> String {
        var text = ""
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !done(text) {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            text += String(decoding: chunk[..<count], as: UTF8.self)
        }
        return text
    }

    func readAll() -> String { read { _ in false } }

    func terminate() {
        kill(pid, SIGKILL)
        _ = wait()
    }

    /// The exit status, after reaping the child.
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        close(output)
        return (status >> 8) & 0xFF
    }
}
