#if canImport(Glibc)
import Glibc
#endif

/// A file-system call that failed, with the path it concerned and why.
package struct FileSystemError: Error, Sendable, Equatable {
    package var path: String
    package var code: Int32
    package var reason: String

    package init(path: String, code: Int32 = errno, reason: String? = nil) {
        self.path = path
        self.code = code
        self.reason = reason ?? String(cString: strerror(code))
    }
}

/// A held flock(2) lock; closing the descriptor releases it.
package struct HeldLock: Sendable {
    fileprivate let descriptor: Int32

    package func release() { close(descriptor) }
}

/// Files only their owner may read: folders are created 0700 and files 0600
/// whatever the umask, and a file is only ever replaced whole (temp file,
/// fsync, rename, fsync of the folder) so a reader or a crash never sees half
/// of one. Shared by NSXConfig and NSXKeyring (`package` access).
package enum PrivateFiles {
    package static let folderMode: mode_t = 0o700
    package static let fileMode: mode_t = 0o600
    /// Far beyond any real config; stops a runaway file from being slurped.
    package static let maximumFileSize = 16 << 20

    /// Creates `path` and any missing parents with mode 0700. An existing
    /// folder is left as it is (`permissionProblems` reports loose modes).
    package static func ensureFolder(_ path: String) throws(FileSystemError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw FileSystemError(path: path, code: ENOTDIR)
            }
            return
        }
        let parent = parentFolder(of: path)
        if parent != path { try ensureFolder(parent) }
        if mkdir(path, folderMode) != 0 {
            if errno == EEXIST { return } // another process won the race
            throw FileSystemError(path: path)
        }
        // mkdir applied the umask; state the mode we mean.
        if chmod(path, folderMode) != 0 { throw FileSystemError(path: path) }
    }

    /// The whole file, or nil when it does not exist.
    package static func readIfPresent(_ path: String) throws(FileSystemError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw FileSystemError(path: path)
        }
        defer { close(descriptor) }
        // Sized up front and the chunk wiped after, so that a file holding
        // secrets leaves no stray copies in freed memory (best effort).
        var status = stat()
        var contents: [UInt8] = []
        if fstat(descriptor, &status) == 0 { contents.reserveCapacity(min(Int(status.st_size), maximumFileSize) + 1) }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        defer { chunk.withUnsafeMutableBytes { explicit_bzero($0.baseAddress!, $0.count) } }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path)
            }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[..<count])
            if contents.count > maximumFileSize {
                throw FileSystemError(path: path, code: EFBIG, reason: "larger than \(maximumFileSize >> 20) MiB")
            }
        }
    }

    /// Replaces `path` with `bytes` atomically; the new file has mode 0600.
    package static func replace(_ path: String, with bytes: [UInt8]) throws(FileSystemError) {
        let folder = parentFolder(of: path)
        let (descriptor, temporary) = try createTemporaryFile(besides: path)
        do throws(FileSystemError) {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: temporary)
            if fsync(descriptor) != 0 { throw FileSystemError(path: temporary) }
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let failure = FileSystemError(path: path)
            unlink(temporary)
            throw failure
        }
        syncFolder(folder)
    }

    /// Removes `path`; true when there was a file to remove.
    package static func remove(_ path: String) throws(FileSystemError) -> Bool {
        if unlink(path) == 0 {
            syncFolder(parentFolder(of: path))
            return true
        }
        if errno == ENOENT { return false }
        throw FileSystemError(path: path)
    }

    /// An flock(2) lock on `path` (a file used for nothing else, created 0600
    /// if missing), held until `release()`. flock belongs to the open file
    /// description, so two opens contend even within one process. Waits at
    /// most `timeout` so that a stuck process cannot hang every other one.
    package static func lock(_ path: String, exclusive: Bool, timeout: Duration = .seconds(10)) throws(FileSystemError) -> HeldLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, fileMode)
        if descriptor < 0 { throw FileSystemError(path: path) }
        fchmod(descriptor, fileMode) // O_CREAT's mode passed through the umask
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var pause: Duration = .milliseconds(1)
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(descriptor)
                throw FileSystemError(path: path, code: failure)
            }
            guard clock.now < deadline else {
                close(descriptor)
                throw FileSystemError(path: path, code: failure,
                                      reason: "still locked by another nsx process after \(timeout)")
            }
            if failure == EWOULDBLOCK {
                usleep(UInt32(pause.components.attoseconds / 1_000_000_000_000))
                pause = min(pause * 2, .milliseconds(20))
            }
        }
        return HeldLock(descriptor: descriptor)
    }

    package static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    private static func createTemporaryFile(besides path: String) throws(FileSystemError) -> (Int32, String) {
        let folder = parentFolder(of: path)
        let name = path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...]
        while true {
            let suffix = String(UInt64.random(in: .min ... .max), radix: 36)
            let temporary = "\(folder)/.\(name).tmp-\(getpid())-\(suffix)"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, fileMode)
            if descriptor >= 0 {
                // O_CREAT's mode passed through the umask; fix it before any byte is written.
                if fchmod(descriptor, fileMode) != 0 {
                    let failure = FileSystemError(path: temporary)
                    close(descriptor)
                    unlink(temporary)
                    throw failure
                }
                return (descriptor, temporary)
            }
            if errno != EEXIST { throw FileSystemError(path: temporary) }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path)
            }
            offset += written
        }
    }

    /// Makes a rename durable. Best effort: some file systems refuse fsync on
    /// folders, and the data itself is already on disk.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
