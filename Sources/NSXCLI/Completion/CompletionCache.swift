#if canImport(Glibc)
import Glibc
#endif
import NSXConfig
import NSXTime

/// Answers of `nsx __complete` kept for a minute, so that pressing TAB again does not ask
/// the API (or the keyring) again. Under `$XDG_CACHE_HOME/nsx` (else `~/.cache/nsx`): the
/// folder 0700, each file 0600, replaced whole. A file holds IDs and names only, never a
/// secret, and is keyed by what decides the answer: profile, API URL and environment (or,
/// for `NSX_TOKEN`, the token's public prefix instead of the profile).
struct CompletionCache {
    /// How long an answer is offered again without asking.
    static let lifetime = 60

    let folder: String

    init(environment: [String: String]) {
        folder = Self.folder(environment: environment)
    }

    /// `$XDG_CACHE_HOME/nsx` when that is absolute (as the XDG spec asks), else `~/.cache/nsx`.
    static func folder(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return String(xdg.reversed().drop { $0 == "/" }.reversed()) + "/nsx"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return (home == "/" ? "" : String(home.reversed().drop { $0 == "/" }.reversed())) + "/.cache/nsx"
    }

    /// The lines stored for `key` and `source`, when stored less than `lifetime` ago.
    func read(_ source: CompletionSource, key: String, now: Timestamp) -> [String]? {
        let path = file(source, key: key)
        var status = stat()
        guard stat(path, &status) == 0, now.seconds - Int(status.st_mtim.tv_sec) < Self.lifetime,
              let bytes = try? PrivateFiles.readIfPresent(path) else { return nil }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The first line names the key in full: two keys that hash alike never share answers.
        guard lines.first == Self.header(key), lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        return lines
    }

    /// Stores `lines` for `key` and `source`; a cache that cannot be written is no cache.
    func write(_ lines: [String], _ source: CompletionSource, key: String) {
        do throws(FileSystemError) {
            try PrivateFiles.ensureFolder(folder)
            // A folder made looser by hand is made private again: it is ours alone.
            chmod(folder, PrivateFiles.folderMode)
            let text = ([Self.header(key)] + lines).joined(separator: "\n") + "\n"
            try PrivateFiles.replace(file(source, key: key), with: Array(text.utf8))
        } catch {
            return
        }
    }

    private func file(_ source: CompletionSource, key: String) -> String {
        folder + "/complete-" + source.rawValue + "-" + Self.hash(key)
    }

    private static func header(_ key: String) -> String {
        "# nsx completion cache: " + key.map { $0 == "\n" ? " " : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// FNV-1a, 64 bits, in hex: a file name for a key (not a secret, so no cryptography needed).
    private static func hash(_ key: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
