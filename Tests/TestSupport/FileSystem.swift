import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Helpers the storage tests share (NSXConfigTests, NSXKeyringTests): throwaway folders,
/// the umask, file modes and contents.

/// A fresh folder under the system temporary folder, removed after `body`.
public func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    let temporary = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nsx-storage-tests.XXXXXX")
    var template = Array(temporary.path.utf8CString)
    guard let created = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
}

/// Attributes for a folder made as nsx makes its own (0700). Tests run in parallel with
/// those that set the umask to 0 for a moment (`withUmask`), so a folder made with the
/// default mode may come out 0777, which nsx rightly refuses as a config folder.
public var privateFolder: [FileAttributeKey: Any] { [.posixPermissions: 0o700] }

private let umaskLock = NSLock()

/// Runs `body` with the process umask set to `mask`. The umask is process
/// wide, so tests that change it take turns.
public func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
    umaskLock.lock()
    defer { umaskLock.unlock() }
    let previous = umask(mask)
    defer { umask(previous) }
    return try body()
}

/// Permission bits of `path` (without following a final symlink).
public func permissions(of path: String) -> mode_t? {
    var status = stat()
    return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
}

public func contents(of path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

public func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// A name no other test (or earlier run) uses, for keyring items and profiles.
public func uniqueName(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}
