#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one file at a time into a buffer it reuses, and searches it. One per worker thread.
///
/// A file is read whole (a file under 64 MiB in one or two `read` calls, a larger one
/// mapped), so a token is never split between two reads and line numbers are exact. The
/// first 128 KiB come first: a file with a NUL byte in its first 8 KiB is binary and
/// the rest of it is never read, unless binary files were asked for.
final class FileReader {
    static let binaryProbeLength = 8 * 1024
    static let firstReadLength = 128 * 1024
    static let mapThreshold = 64 * 1024 * 1024

    enum Outcome {
        case scanned([TokenMatch], bytes: Int)
        case binary
        case directory
        /// A symbolic link (never followed while walking), a special file met while
        /// walking, or a file that vanished since it was listed.
        case skipped
        case failed(String)
    }

    /// What the caller knows and wants about the path.
    struct Request {
        /// A PATH argument: symlinks are followed, special files (a pipe from `<(…)`) are
        /// read, and binary files are scanned, because the user named them.
        var named = false
        var includeBinary = false
    }

    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int

    init(capacity: Int = 256 * 1024) {
        self.capacity = capacity
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    func scan(_ path: FilePath, _ request: Request) -> Outcome {
        // O_NONBLOCK: a FIFO swapped in while walking must not block the open.
        var flags = O_RDONLY | O_CLOEXEC
        if !request.named { flags |= O_NOFOLLOW | O_NONBLOCK }
        let fd = path.withCString { open($0, flags) }
        guard fd >= 0 else {
            let error = errno
            switch error {
            case ELOOP, ENOENT: return .skipped   // a symlink (O_NOFOLLOW), or gone since listed
            default: return .failed(Self.describe(error))
            }
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .failed(Self.describe(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            return .directory
        case S_IFREG:
            let size = Int(status.st_size)
            if size > Self.mapThreshold { return scanMapped(fd, size: size, request) }
            return scanRead(fd, expected: size, request)
        default:
            return request.named ? scanRead(fd, expected: nil, request) : .skipped
        }
    }

    /// Reads standard input (`-`) to its end and searches it.
    func scanStandardInput() -> Outcome {
        scanRead(0, expected: nil, Request(named: true))
    }

    /// - Parameter expected: a regular file's size, to stop without one more `read` that
    ///   only says end-of-file; nil for pipes, which end when they say so.
    private func scanRead(_ fd: Int32, expected: Int?, _ request: Request) -> Outcome {
        var filled = 0
        var probed = request.named || request.includeBinary
        while true {
            if let expected, expected > 0, filled >= expected { break }
            if filled == capacity { grow(to: capacity * 2) }
            var want = capacity - filled
            if !probed { want = min(want, Self.firstReadLength) }
            if let expected, expected > filled, expected - filled < want { want = expected - filled }
            let count = read(fd, buffer + filled, want)
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(Self.describe(errno))
            }
            if count == 0 { break }
            filled += count
            if !probed, filled >= min(Self.binaryProbeLength, expected ?? Self.binaryProbeLength) {
                if isBinary(UnsafeRawBufferPointer(start: buffer, count: filled)) { return .binary }
                probed = true
                if let expected, expected > capacity { grow(to: expected) }
            }
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: filled)
        if !probed, isBinary(bytes) { return .binary }
        return .scanned(TokenMatcher.matches(in: bytes), bytes: filled)
    }

    private func scanMapped(_ fd: Int32, size: Int, _ request: Request) -> Outcome {
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            return .failed(Self.describe(errno))
        }
        defer { munmap(mapped, size) }
        let bytes = UnsafeRawBufferPointer(start: mapped, count: size)
        if !(request.named || request.includeBinary), isBinary(bytes) { return .binary }
        return .scanned(TokenMatcher.matches(in: bytes), bytes: size)
    }

    /// A NUL byte in the first 8 KiB (git's `buffer_is_binary` looks at 8000 bytes, ripgrep
    /// at its first read).
    private func isBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0, min(bytes.count, Self.binaryProbeLength)) != nil
    }

    private func grow(to wanted: Int) {
        var newCapacity = capacity
        while newCapacity < wanted { newCapacity *= 2 }
        guard newCapacity != capacity else { return }
        let larger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        larger.copyMemory(from: buffer, byteCount: capacity)
        buffer.deallocate()
        buffer = larger
        capacity = newCapacity
    }

    static func describe(_ error: Int32) -> String {
        String(cString: strerror(error))
    }
}
