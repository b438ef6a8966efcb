#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program (git) with stdin from /dev/null, streaming its stdout to a callback and
/// keeping the start of its stderr for messages.
enum Subprocess {
    struct Outcome {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var stderr: [UInt8]

        /// The first line of stderr, for an error message.
        var firstErrorLine: String {
            let line = stderr.split(separator: UInt8(ascii: "\n")).first.map(Array.init) ?? []
            return String(decoding: line, as: UTF8.self)
        }
    }

    enum Failure: Error {
        case notFound(String)
        case couldNotStart(String)
    }

    /// Pipes are made close-on-exec and the child started under one lock, so a child that
    /// another thread starts meanwhile cannot inherit this one's pipe and hold it open.
    private static let spawnLock = Monitor()
    private static let stderrLimit = 64 * 1024

    /// - Parameter unsetting: environment variables the child must not inherit.
    static func run(_ arguments: [[UInt8]], unsetting: [String] = [],
                    onOutput: (UnsafeRawBufferPointer) -> Void) throws(Failure) -> Outcome {
        let program = String(decoding: arguments.first ?? [], as: UTF8.self)
        var out: [Int32] = [-1, -1]
        var err: [Int32] = [-1, -1]
        var pid = pid_t()
        let spawned: Int32 = spawnLock.locked {
            guard makePipe(&out) else { return errno }
            guard makePipe(&err) else { let e = errno; close(out[0]); close(out[1]); return e }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, out[1], 1)
            posix_spawn_file_actions_adddup2(&actions, err[1], 2)
            let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { bytes in
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
                for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
                copy[bytes.count] = 0
                return copy
            } + [nil]
            defer { for pointer in argv { pointer?.deallocate() } }
            let result: Int32
            if unsetting.isEmpty {
                result = argv.withUnsafeBufferPointer { posix_spawnp(&pid, argv[0]!, &actions, nil, $0.baseAddress!, environ) }
            } else {
                let kept = environmentWithout(unsetting)
                result = argv.withUnsafeBufferPointer { args in
                    kept.withUnsafeBufferPointer { posix_spawnp(&pid, argv[0]!, &actions, nil, args.baseAddress!, $0.baseAddress!) }
                }
            }
            close(out[1])
            close(err[1])
            return result
        }
        guard spawned == 0 else {
            if out[0] >= 0 { close(out[0]) }
            if err[0] >= 0 { close(err[0]) }
            if spawned == ENOENT { throw .notFound(program) }
            throw .couldNotStart("\(program): \(String(cString: strerror(spawned)))")
        }
        var stderr: [UInt8] = []
        drain(stdout: out[0], stderr: err[0], onOutput: onOutput) { chunk in
            if stderr.count < stderrLimit { stderr.append(contentsOf: chunk.prefix(stderrLimit - stderr.count)) }
        }
        close(out[0])
        close(err[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return Outcome(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stderr: stderr)
    }

    /// This process's environment minus `names`, as an `envp` (its strings stay owned by libc).
    private static func environmentWithout(_ names: [String]) -> [UnsafeMutablePointer<CChar>?] {
        let prefixes = names.map { Array($0.utf8) + [UInt8(ascii: "=")] }
        var kept: [UnsafeMutablePointer<CChar>?] = []
        var entry = environ
        while let variable = entry.pointee {
            let bytes = UnsafeRawBufferPointer(start: variable, count: strlen(variable))
            if !prefixes.contains(where: { bytes.starts(with: $0) }) { kept.append(variable) }
            entry += 1
        }
        return kept + [nil]
    }

    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    /// Reads both pipes until both end, so neither can fill up and stall the child.
    private static func drain(stdout: Int32, stderr: Int32, onOutput: (UnsafeRawBufferPointer) -> Void,
                              onError: (UnsafeRawBufferPointer) -> Void) {
        let size = 64 * 1024
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { chunk.deallocate() }
        var open: [Int32] = [stdout, stderr]
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, chunk, size)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                let bytes = UnsafeRawBufferPointer(start: chunk, count: count)
                entry.fd == stdout ? onOutput(bytes) : onError(bytes)
            }
        }
    }
}
