#if canImport(Glibc)
import Glibc
#endif
import NSXJSON

/// Reads and changes `config.json`. Every change happens under an exclusive
/// lock on `config.lock`, re-reads the file, applies the change and replaces
/// the file atomically, so concurrent nsx processes never lose an update.
public final class ConfigStore: Sendable {
    public let location: ConfigLocation

    public init(location: ConfigLocation) {
        self.location = location
    }

    /// The current document; empty when nothing has been saved yet.
    public func load() throws(ConfigError) -> ConfigDocument {
        guard folderExists else { return ConfigDocument() }
        do {
            try PrivateFiles.checkFolder(location.folder)
        } catch {
            throw configError(error)
        }
        // Writers replace the file atomically, so the lock is only a courtesy;
        // a read-only folder must still be readable without one.
        let lock = try? PrivateFiles.lock(location.lockFile, exclusive: false)
        defer { lock?.release() }
        return try read()
    }

    /// Applies `change` to the freshest document and saves the result. When
    /// `change` throws, nothing is written.
    @discardableResult
    public func update<T>(_ change: (inout ConfigDocument) throws(ConfigError) -> T) throws(ConfigError) -> T {
        do {
            try PrivateFiles.ensureFolder(location.folder)
        } catch {
            throw configError(error)
        }
        let lock: HeldLock
        do {
            lock = try PrivateFiles.lock(location.lockFile, exclusive: true)
        } catch {
            throw configError(error)
        }
        defer { lock.release() }
        var document = try read()
        let result = try change(&document)
        do {
            try PrivateFiles.replace(location.configFile, with: Self.encode(document))
        } catch {
            throw configError(error)
        }
        return result
    }

    /// Group or world access to the folder or anything in it, and files
    /// owned by someone else, each as a sentence with its fix (for `doctor`).
    public func permissionProblems() -> [String] {
        var problems: [String] = []
        guard let folderStatus = status(of: location.folder) else { return [] }
        problems += describeProblems(location.folder, folderStatus, expected: PrivateFiles.folderMode)
        guard let folder = opendir(location.folder) else { return problems }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names.sorted() {
            let path = location.folder + "/" + name
            guard let fileStatus = status(of: path), fileStatus.st_mode & S_IFMT == S_IFREG else { continue }
            problems += describeProblems(path, fileStatus, expected: PrivateFiles.fileMode)
        }
        return problems
    }

    private var folderExists: Bool {
        status(of: location.folder).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false
    }

    private func read() throws(ConfigError) -> ConfigDocument {
        let path = location.configFile
        let bytes: [UInt8]?
        do {
            bytes = try PrivateFiles.readIfPresent(path)
        } catch {
            throw configError(error)
        }
        guard let bytes, bytes.contains(where: { !Self.isWhitespace($0) }) else {
            return ConfigDocument() // missing, or created empty by hand
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw .corrupt(path: path, reason: "not valid JSON (\(error))")
        }
        guard case .object(let object) = value else {
            throw .corrupt(path: path, reason: "the top level should be an object")
        }
        do {
            return try ConfigDocument(validating: object)
        } catch {
            throw .corrupt(path: path, reason: error.reason)
        }
    }

    /// Pretty JSON in the document's own key order, ending in a newline.
    static func encode(_ document: ConfigDocument) -> [UInt8] {
        JSONValue.object(document.json).serializedBytes(pretty: true) + [UInt8(ascii: "\n")]
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func configError(_ error: FileSystemError) -> ConfigError {
        if error.refused { return .unsafe(path: error.path, reason: error.reason) }
        if error.code == EACCES || error.code == EPERM {
            return .permissions(path: error.path, mode: status(of: error.path).map { UInt32($0.st_mode) & 0o7777 } ?? 0)
        }
        return .io(path: error.path, reason: error.reason)
    }

    private func status(of path: String) -> stat? {
        var result = stat()
        return stat(path, &result) == 0 ? result : nil
    }

    private func describeProblems(_ path: String, _ status: stat, expected: mode_t) -> [String] {
        var problems: [String] = []
        let mode = status.st_mode & 0o7777
        if mode & 0o077 != 0 {
            problems.append("\(path) has mode \(octal(UInt32(mode))), expected \(octal(UInt32(expected))) (fix: chmod \(String(expected, radix: 8)) \(path))")
        }
        if status.st_uid != geteuid() {
            problems.append("\(path) belongs to user id \(status.st_uid), not to you (uid \(geteuid()))")
        }
        return problems
    }
}
