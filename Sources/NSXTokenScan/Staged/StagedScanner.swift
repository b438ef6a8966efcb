/// `nsx tokens scan --staged`: tokens in what `git commit` would add now — the added lines
/// of `git diff --cached`, each with its line number in the staged file. Lines that stay as
/// they were, and removed lines, are not looked at: a pre-commit hook stops what this
/// commit would add, not what history already holds.
///
/// git is asked for a diff that user configuration cannot reshape: no colour, external
/// diff or textconv, fixed `a/` `b/` prefixes, renames detected (a moved file adds
/// nothing new), deleted files left out, and binary files as git judges them skipped
/// unless asked (`--text`). Paths are as git shows them, from the top of the work tree.
public enum StagedScanner {
    /// - Parameters:
    ///   - repository: where to run git (`git -C`); nil for the current directory.
    ///   - paths: pathspecs limiting the diff, as `git diff --cached -- PATH…`.
    public static func scan(repository: String? = nil, paths: [String] = [], includeBinary: Bool = false) throws(ScanError) -> ScanReport {
        var git = ["git", "-c", "core.fsmonitor=false", "-c", "core.quotePath=true"]
        if let repository { git += ["-C", repository] }
        // Outside a repository `git diff` would compare files (--no-index) instead.
        try run(git + ["rev-parse", "--is-inside-work-tree"]) { _ in }
        var arguments = git + ["diff", "--cached", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative",
                         "--find-renames", "--diff-filter=d", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/"]
        if includeBinary { arguments.append("--text") }
        arguments.append("--")
        arguments += paths

        var report = ScanReport()
        var files = Set<[UInt8]>()
        var parser = StagedDiffParser { added in
            files.insert(added.path)
            report.bytesScanned += added.content.count
            let matches = added.content.withUnsafeBytes { TokenMatcher.matches(in: $0, firstLine: added.line) }
            guard !matches.isEmpty else { return }
            let file = String(decoding: added.path, as: UTF8.self)
            report.hits += matches.map { TokenHit(file: file, match: $0) }
        }
        try run(arguments) { parser.feed($0) }
        parser.finish()
        report.filesScanned = files.count
        report.sort()
        return report
    }

    /// Runs git, streaming its output; a failure to start it or a non-zero exit is an error.
    private static func run(_ arguments: [String], onOutput: (UnsafeRawBufferPointer) -> Void) throws(ScanError) {
        let outcome: Subprocess.Outcome
        do {
            outcome = try Subprocess.run(arguments.map { Array($0.utf8) }, onOutput: onOutput)
        } catch {
            throw .git("--staged needs git: \(GitFailure(error).message)")
        }
        guard outcome.status == 0 else {
            throw .git(outcome.firstErrorLine.isEmpty ? "git exited with status \(outcome.status)" : outcome.firstErrorLine)
        }
    }
}
