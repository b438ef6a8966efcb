#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which files git would look at in a work tree.
///
/// Inside a work tree the scan asks git itself, `git ls-files --cached --others
/// --exclude-standard -z`: tracked files, and untracked files that no ignore rule excludes.
/// That is git's own answer, exact by construction — nested `.gitignore` files, negations,
/// `.git/info/exclude`, `core.excludesFile`, and tracked files that match an ignore pattern
/// (they are committed, so they are scanned) — where a reimplementation of its rules would
/// drift. It costs one short `git` process per work tree; a tree outside any work tree is
/// walked without git.
enum GitWorkTree {
    /// Whether `path` (a directory) is inside a git work tree: it or an ancestor has `.git`.
    static func contains(_ path: FilePath) -> Bool {
        guard let resolved = path.withCString({ realpath($0, nil) }) else { return false }
        defer { free(resolved) }
        var directory = Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
        while true {
            var candidate = directory
            if candidate.last != UInt8(ascii: "/") { candidate.append(UInt8(ascii: "/")) }
            candidate += Array(".git".utf8)
            if FilePath(candidate).withCString({ path in
                var status = stat()
                return lstat(path, &status) == 0
            }) { return true }
            guard let slash = directory.lastIndex(of: UInt8(ascii: "/")), directory.count > 1 else { return false }
            directory = slash == 0 ? [UInt8(ascii: "/")] : Array(directory[..<slash])
        }
    }

    /// The paths git lists under `directory`, relative to it. A nested repository or a
    /// submodule is one entry (a directory), which the walk then lists with its own rules.
    static func files(in directory: FilePath) -> Result<[[UInt8]], GitFailure> {
        var output: [UInt8] = []
        let outcome: Subprocess.Outcome
        do {
            let location = directory.bytes.isEmpty ? Array(".".utf8) : directory.bytes
            // core.fsmonitor=false: a repository's own config must not get to run a program.
            // git finds the repository from the folder, as the walk found it: variables a
            // hook or a wrapper set for another repository must not redirect it.
            outcome = try Subprocess.run(["git", "-c", "core.fsmonitor=false", "-C"].map { Array($0.utf8) } + [location]
                                         + ["ls-files", "-z", "--cached", "--others", "--exclude-standard"].map { Array($0.utf8) },
                                         unsetting: ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
                                                     "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES", "GIT_PREFIX"]) {
                output.append(contentsOf: $0)
            }
        } catch {
            return .failure(GitFailure(error))
        }
        guard outcome.status == 0 else { return .failure(GitFailure(message: outcome.firstErrorLine)) }
        var seen = Set<[UInt8]>()
        var paths: [[UInt8]] = []
        for entry in output.split(separator: 0) {
            var path = Array(entry)
            while path.count > 1 && path.last == UInt8(ascii: "/") { path.removeLast() }
            // Unmerged files are listed once per stage.
            if seen.insert(path).inserted { paths.append(path) }
        }
        return .success(paths)
    }
}

/// Why git could not answer.
struct GitFailure: Error {
    var message: String
    var gitMissing = false

    init(message: String, gitMissing: Bool = false) {
        self.message = message
        self.gitMissing = gitMissing
    }

    init(_ error: Subprocess.Failure) {
        switch error {
        case .notFound: self.init(message: "git is not installed (not found on PATH)", gitMissing: true)
        case .couldNotStart(let reason): self.init(message: "could not run \(reason)")
        }
    }
}
