import Foundation

/// The folder that holds the database and the signing key, and the rule for everything in
/// it: the folder is created 0700 and each file 0600 whatever the umask, and start-up
/// refuses a file that group or others may read or write (a copy of one must not be anyone
/// else's to take).
struct DataFolder {
    static let folderMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600

    let path: String

    /// The folder of `databasePath`, created (with any missing parents) when absent.
    init(databasePath: String) throws(StartupError) {
        path = (databasePath as NSString).deletingLastPathComponent
        try Self.ensureFolder(path)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// SQLite gives its `-wal` and `-shm` files the mode of the database file, so creating all
    /// three 0600 before it opens them keeps them private; existing ones must already be.
    func prepareDatabase(named name: String) throws(StartupError) {
        for suffix in ["", "-wal", "-shm"] {
            try Self.ensurePrivateFile(file(name + suffix))
        }
    }

    /// Creates `path` empty with mode 0600, or checks that an existing file is private.
    static func ensurePrivateFile(_ path: String) throws(StartupError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, fileMode)
        if descriptor >= 0 {
            defer { close(descriptor) }
            // open(2) applied the umask; state the mode we mean.
            guard fchmod(descriptor, fileMode) == 0 else { throw failure(path) }
            return
        }
        guard errno == EEXIST else { throw failure(path) }
        try checkPrivate(path)
    }

    /// Refuses a file that is not a regular file or that group or others may use. Data files
    /// are checked as they are (a symbolic link is refused); a users file may be a link.
    static func checkPrivate(_ path: String, followingLinks: Bool = false) throws(StartupError) {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { throw failure(path) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .fileSystem(path: path, reason: "not a regular file")
        }
        let permissions = UInt32(status.st_mode & 0o7777)
        guard permissions & 0o077 == 0 else { throw .notPrivate(path: path, mode: permissions) }
    }

    /// Writes a new private file holding `bytes`; fails if it already exists.
    static func createPrivateFile(_ path: String, contents bytes: [UInt8]) throws(StartupError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, fileMode)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard fchmod(descriptor, fileMode) == 0 else { throw failure(path) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw failure(path) }
    }

    /// The bytes of a private file, or nil when it does not exist.
    static func readPrivateFile(_ path: String, followingLinks: Bool = false) throws(StartupError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        try checkPrivate(path, followingLinks: followingLinks)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .fileSystem(path: path, reason: "cannot be read")
        }
        return Array(data)
    }

    private static func ensureFolder(_ path: String) throws(StartupError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path: path) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try ensureFolder(parent) }
        if mkdir(path, folderMode) != 0 {
            if errno == EEXIST { return }
            throw failure(path)
        }
        // mkdir(2) applied the umask; state the mode we mean.
        guard chmod(path, folderMode) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> StartupError {
        .fileSystem(path: path, reason: String(cString: strerror(errno)))
    }
}
