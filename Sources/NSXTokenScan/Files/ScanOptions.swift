#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a directory walk behaves.
public struct ScanOptions: Sendable {
    /// Scan binary files too (a NUL byte in the first 8 KiB, as git and ripgrep decide).
    /// Files named as PATH arguments are always scanned.
    public var includeBinary = false
    /// Inside a git work tree, scan only what git would look at: tracked files and
    /// untracked files its ignore rules do not exclude.
    public var honourGitIgnore = true
    /// Worker threads reading and searching files.
    public var threads = ScanOptions.defaultThreads

    public init(includeBinary: Bool = false, honourGitIgnore: Bool = true, threads: Int = ScanOptions.defaultThreads) {
        self.includeBinary = includeBinary
        self.honourGitIgnore = honourGitIgnore
        self.threads = max(1, threads)
    }

    /// One per online CPU, at most 8: beyond that the disk, not the search, is the limit.
    public static var defaultThreads: Int {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return Int(min(max(online, 1), 8))
    }
}
