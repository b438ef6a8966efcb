import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct ProcessResult {
    public var status: Int32
    public var output: String
}

/// Runs a program to completion; `output` is stdout and stderr together.
///
/// posix_spawn rather than Foundation's Process: test threads block most
/// signals and Process passes that mask on, so a child such as
/// dbus-run-session could never stop its bus daemon with SIGTERM. Children
/// here start with no signal blocked and default dispositions.
public func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    var pipe: [Int32] = [-1, -1]
    guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
    let (readEnd, writeEnd) = (pipe[0], pipe[1])
    _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
    defer { close(readEnd) }

    let spawned = Result { try spawn(executable, arguments, environment: environment, stdout: writeEnd, stderr: writeEnd) }
    close(writeEnd)
    let pid = try spawned.get()

    // Read until EOF, or until the child has exited and the pipe is quiet:
    // something it left behind must not keep the test waiting.
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var status: Int32 = 0
    var exited = false
    while true {
        var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, 100) > 0 {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 { output += buffer[..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        if exited { break }
        exited = waitpid(pid, &status, WNOHANG) == pid
    }
    return ProcessResult(status: exited ? exitStatus(status) : waitForExit(pid), output: String(decoding: output, as: UTF8.self))
}

/// Waits for `pid` to end, through interruptions; its exit status as a shell reports it.
public func waitForExit(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return exitStatus(status)
}

/// A wait status as a shell reports it: the exit code, or 128 + the signal that ended it.
private func exitStatus(_ status: Int32) -> Int32 {
    status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
}

/// Starts a program the way `run` does (no signal blocked, default dispositions, stdin on
/// /dev/null), with its stdout, and stderr when given, on those descriptors; returns its pid.
public func spawn(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                  stdout: Int32, stderr: Int32? = nil) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    if let stderr { posix_spawn_file_actions_adddup2(&actions, stderr, 2) }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t(), allSignals = sigset_t()
    sigemptyset(&noSignals)
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    return pid
}

/// The first executable called `name` on PATH.
public func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
}
