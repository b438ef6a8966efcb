import Foundation
import NSXTokenScan
import Testing

/// Inside a git work tree the walk looks only at what git would: its own rules, all of them.
struct GitTreeScanTests {
    func files(_ report: ScanReport, in tree: FixtureTree) -> [String] {
        report.hits.map { String($0.file.dropFirst(tree.path.count + 1)) }
    }

    @Test func honoursEveryKindOfGitIgnoreRule() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write(".gitignore", "*.log\nbuild/\n!keep.log\n")
        try tree.write("src/.gitignore", "local.env\n")
        try tree.write(".git/info/exclude", "private/\n")
        try tree.write("global-ignore", "*.secret\n")
        try tree.git("config", "core.excludesFile", tree.path + "/global-ignore")
        let token = Tokens.live("IGNR")
        for ignored in ["debug.log", "build/out.txt", "src/local.env", "private/notes.txt", "a.secret"] {
            try tree.write(ignored, token)
        }
        for scanned in ["keep.log", "src/app.env", "README.md", "src/other/local.env.example"] {
            try tree.write(scanned, token)
        }
        let report = try TokenScanner.scan([tree.path])
        #expect(files(report, in: tree) == ["README.md", "keep.log", "src/app.env", "src/other/local.env.example"])
        #expect(report.warnings.isEmpty)

        // --no-ignore: everything but .git.
        let all = try TokenScanner.scan([tree.path], options: ScanOptions(honourGitIgnore: false))
        #expect(all.hits.count == 9)
    }

    @Test func aTrackedFileIsScannedEvenWhenAPatternMatchesIt() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write("config.env", Tokens.live("TRCK"))
        try tree.git("add", "config.env")
        try tree.write(".gitignore", "*.env\n")
        try tree.write("untracked.env", Tokens.live("UNTR"))
        #expect(files(try TokenScanner.scan([tree.path]), in: tree) == ["config.env"])
    }

    @Test func nothingUnderDotGitIsScanned() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write("a.env", Tokens.live("COMM"))
        try tree.git("add", "a.env")
        try tree.git("commit", "-q", "-m", "add")
        // The token is now in .git/objects (compressed) and, here, plainly in .git/ too.
        try tree.write(".git/hooks/note", Tokens.live("HOOK"))
        let report = try TokenScanner.scan([tree.path], options: ScanOptions(includeBinary: true))
        #expect(files(report, in: tree) == ["a.env"])
    }

    @Test func aSubdirectoryOfAWorkTreeUsesTheRepositoryRules() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write(".gitignore", "*.local\n")
        try tree.write("sub/dir/a.local", Tokens.live("SUBL"))
        try tree.write("sub/dir/b.env", Tokens.live("SUBE"))
        let report = try TokenScanner.scan([tree.path + "/sub"])
        #expect(report.hits.map(\.file) == [tree.path + "/sub/dir/b.env"])
    }

    @Test func aNestedRepositoryKeepsItsOwnRules() throws {
        let tree = try FixtureTree()
        // The outer tree is no repository; the inner one ignores *.local.
        try tree.write("plain.env", Tokens.live("PLAN"))
        try tree.write("project/.gitignore", "*.local\n")
        try tree.run("/usr/bin/env", ["git", "init", "-q", tree.path + "/project"])
        try tree.write("project/app.local", Tokens.live("LOCL"))
        try tree.write("project/app.env", Tokens.live("APPE"))
        // And a repository inside a repository, untracked there.
        try tree.write("project/vendor/lib/.gitignore", "*.tmp\n")
        try tree.run("/usr/bin/env", ["git", "init", "-q", tree.path + "/project/vendor/lib"])
        try tree.write("project/vendor/lib/x.tmp", Tokens.live("XTMP"))
        try tree.write("project/vendor/lib/x.env", Tokens.live("XENV"))
        let report = try TokenScanner.scan([tree.path])
        #expect(files(report, in: tree) == ["plain.env", "project/app.env", "project/vendor/lib/x.env"])
    }

    @Test func symlinksGitListsAreNotFollowed() throws {
        let tree = try FixtureTree()
        let outside = try FixtureTree()
        try outside.write("secret.env", Tokens.live("OUTS"))
        try tree.git("init", "-q", ".")
        try tree.symlink("root", to: "/")
        try tree.symlink("outside.env", to: outside.path + "/secret.env")
        try tree.git("add", "root", "outside.env")
        try tree.write("inside.env", Tokens.live("INSD"))
        let report = try TokenScanner.scan([tree.path])
        #expect(files(report, in: tree) == ["inside.env"])
        #expect(report.filesScanned == 1)
    }
}
