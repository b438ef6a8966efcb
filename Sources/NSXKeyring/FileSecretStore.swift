#if canImport(Glibc)
import Glibc
#endif
import NSXConfig
import NSXJSON

/// Secrets in `credentials.json` in the config folder, mode 0600, for
/// `--insecure-storage` only (never a silent fallback). Changes happen under
/// an exclusive lock on `credentials.lock` and replace the file atomically.
public final class FileSecretStore: SecretStore {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var file: String { folder + "/credentials.json" }
    private var lockFile: String { folder + "/credentials.lock" }

    public func read(_ key: SecretKey) throws(SecretStoreError) -> String? {
        guard access(folder, F_OK) == 0 else { return nil }
        do {
            try PrivateFiles.checkFolder(folder)
        } catch {
            throw failure(error)
        }
        let lock = try? PrivateFiles.lock(lockFile, exclusive: false) // writers rename atomically
        defer { lock?.release() }
        return try load().first { $0.matches(key) }?.secret
    }

    /// No keyring browser shows this file, so `label` is not kept.
    public func write(_ secret: String, for key: SecretKey, label: String) throws(SecretStoreError) {
        try change { entries in
            entries.removeAll { $0.matches(key) }
            entries.append(StoredSecret(profile: key.profile, apiURL: key.apiURL, secret: secret))
            return ()
        }
    }

    public func delete(_ key: SecretKey) throws(SecretStoreError) -> Bool {
        guard access(folder, F_OK) == 0 else { return false }
        return try change { entries in
            let before = entries.count
            entries.removeAll { $0.matches(key) }
            return entries.count != before
        }
    }

    /// Lock, re-read, change, write back (or remove the file once empty).
    private func change<T>(_ body: (inout [StoredSecret]) -> T) throws(SecretStoreError) -> T {
        let lock: HeldLock
        do {
            try PrivateFiles.ensureFolder(folder)
            lock = try PrivateFiles.lock(lockFile, exclusive: true)
        } catch {
            throw failure(error)
        }
        defer { lock.release() }
        var entries = try load()
        let result = body(&entries)
        do {
            if entries.isEmpty {
                _ = try PrivateFiles.remove(file)
            } else {
                var bytes = encode(entries)
                defer { wipe(&bytes) }
                try PrivateFiles.replace(file, with: bytes)
            }
        } catch {
            throw failure(error)
        }
        return result
    }

    private func load() throws(SecretStoreError) -> [StoredSecret] {
        var bytes: [UInt8]
        do {
            guard let contents = try PrivateFiles.readIfPresent(file) else { return [] }
            bytes = contents
        } catch {
            throw failure(error)
        }
        defer { wipe(&bytes) }
        guard let file = try? JSONValue.parse(bytes), let entries = file["credentials"]?.arrayValue else {
            throw .failed("\(self.file) is not a valid nsx credentials file")
        }
        return try entries.map { (entry: JSONValue) throws(SecretStoreError) -> StoredSecret in
            guard let profile = entry["profile"]?.stringValue, let apiURL = entry["api_url"]?.stringValue,
                  let secret = entry["secret"]?.stringValue else {
                throw .failed("\(self.file) is not a valid nsx credentials file: an entry lacks profile, api_url or secret")
            }
            return StoredSecret(profile: profile, apiURL: apiURL, secret: secret)
        }
    }

    /// `{"credentials": [{"profile", "api_url", "secret"}, …]}`, sorted, one copy (the caller wipes it).
    private func encode(_ entries: [StoredSecret]) -> [UInt8] {
        let sorted = entries.sorted { ($0.profile, $0.apiURL) < ($1.profile, $1.apiURL) }
        let list = sorted.map { entry in
            JSONValue.object(JSONObject([("profile", .string(entry.profile)), ("api_url", .string(entry.apiURL)),
                                         ("secret", .string(entry.secret))]))
        }
        var bytes = JSONValue.object(JSONObject([("credentials", .array(list))])).serializedBytes(pretty: true)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private func failure(_ error: FileSystemError) -> SecretStoreError {
        .failed(error.refused ? "\(error.path) \(error.reason)" : "\(error.path): \(error.reason)")
    }

    /// Best effort: clears this copy of the file's bytes before it is freed.
    private func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { explicit_bzero(base, buffer.count) }
        }
    }
}

private struct StoredSecret {
    var profile: String
    var apiURL: String
    var secret: String

    func matches(_ key: SecretKey) -> Bool {
        profile == key.profile && apiURL == key.apiURL
    }
}
