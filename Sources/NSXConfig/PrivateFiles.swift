#if canImport(Glibc)
import Glibc
#endif

/// A file-system call that failed, with the path it concerned and why.
package struct FileSystemError: Error, Sendable, Equatable {
    package var path: String
    package var code: Int32
    package var reason: String
    /// nsx refused the path rather than failed on it: a symlink where a file of its own should
    /// be, a folder others can write to. `reason` is then a sentence ending in the fix.
    package var refused = false

    package init(path: String, code: Int32 = errno, reason: String? = nil) {
        self.path = path
        self.code = code
        self.reason = reason ?? String(cString: strerror(code))
    }

    static func refusing(_ path: String, _ reason: String) -> FileSystemError {
        var error = FileSystemError(path: path, code: EPERM, reason: reason)
        error.refused = true
        return error
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
    /// folder must pass `checkFolder`; its parents need not (a config folder may live in /tmp).
    package static func ensureFolder(_ path: String) throws(FileSystemError) {
        try makeFolder(path)
        try checkFolder(path)
    }

    private static func makeFolder(_ path: String) throws(FileSystemError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw FileSystemError(path: path, code: ENOTDIR)
            }
            return
        }
        let parent = parentFolder(of: path)
        if parent != path { try makeFolder(parent) }
        if mkdir(path, folderMode) != 0 {
            if errno == EEXIST { return } // another process won the race
            throw FileSystemError(path: path)
        }
        // mkdir applied the umask; state the mode we mean.
        if chmod(path, folderMode) != 0 { throw FileSystemError(path: path) }
    }

    /// Refuses a folder that others could use to read or plant secrets, as ssh refuses a loose
    /// `~/.ssh`: one that is a symlink owned by another user, or that belongs to another user,
    /// or that its group or others may write to. A folder that does not exist yet passes.
    package static func checkFolder(_ path: String) throws(FileSystemError) {
        let me = geteuid()
        var link = stat()
        guard lstat(path, &link) == 0 else {
            if errno == ENOENT { return }
            throw FileSystemError(path: path)
        }
        if link.st_mode & S_IFMT == S_IFLNK, link.st_uid != me, link.st_uid != 0 {
            throw .refusing(path, "is a symbolic link owned by another user (uid \(link.st_uid)); point NSX_CONFIG_DIR at a folder of your own")
        }
        var folder = stat()
        guard stat(path, &folder) == 0 else { throw FileSystemError(path: path) }
        guard folder.st_mode & S_IFMT == S_IFDIR else { throw FileSystemError(path: path, code: ENOTDIR) }
        if folder.st_uid != me {
            throw .refusing(path, "belongs to user id \(folder.st_uid), not to you (uid \(me)); use a folder of your own")
        }
        if folder.st_mode & 0o022 != 0 {
            throw .refusing(path, "is writable by others (mode \(octal(UInt32(folder.st_mode)))); nsx keeps credentials there, so fix it first: chmod 700 \(path)")
        }
    }

    /// The whole file, or nil when it does not exist.
    package static func readIfPresent(_ path: String) throws(FileSystemError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw FileSystemError(path: path)
        }
        defer { close(descriptor) }
        // Read straight into one buffer sized from fstat, and any buffer outgrown (the file
        // grew meanwhile) wiped before it is freed, so that a file holding secrets leaves no
        // stray copies in freed memory (best effort). No scratch chunk: config.json is a few
        // hundred bytes, read at every start.
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? min(max(Int(status.st_size), 0), maximumFileSize) : 0
        var buffer = [UInt8](repeating: 0, count: expected + 1)  // + 1: end of file is seen without growing
        var used = 0
        while true {
            if used == buffer.count {
                var larger = [UInt8](repeating: 0, count: min(buffer.count * 2, maximumFileSize + 1))
                buffer.withUnsafeBytes { old in
                    larger.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: old[..<used])) }
                }
                buffer.withUnsafeMutableBytes { explicit_bzero($0.baseAddress!, $0.count) }
                buffer = larger
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + used, $0.count - used) }
            if count < 0 {
                if errno == EINTR { continue }
                buffer.withUnsafeMutableBytes { explicit_bzero($0.baseAddress!, $0.count) }
                throw FileSystemError(path: path)
            }
            if count == 0 {
                buffer.removeLast(buffer.count - used)  // in place: the capacity (and its bytes) stay
                return buffer
            }
            used += count
            if used > maximumFileSize {
                buffer.withUnsafeMutableBytes { explicit_bzero($0.baseAddress!, $0.count) }
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
    /// The lock file is never a symlink followed or someone else's file chmod'ed: an attacker
    /// who planted `config.lock → ~/.bashrc` gets a refusal, not a changed mode.
    package static func lock(_ path: String, exclusive: Bool, timeout: Duration = .seconds(10)) throws(FileSystemError) -> HeldLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, fileMode)
        if descriptor < 0 {
            if errno == ELOOP {
                throw .refusing(path, "is a symbolic link, which nsx does not follow; remove it with `rm \(path)`")
            }
            throw FileSystemError(path: path)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
            close(descriptor)
            throw .refusing(path, "is not a file of your own; remove it with `rm \(path)`")
        }
        // O_CREAT's mode passed through the umask.
        if status.st_mode & 0o7777 != fileMode { fchmod(descriptor, fileMode) }
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
