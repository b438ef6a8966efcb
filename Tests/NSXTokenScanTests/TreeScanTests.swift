import Foundation
import NSXTokenScan
import Testing

/// The directory walk: what is scanned, what is skipped, and what a hit says.
struct TreeScanTests {
    /// (file relative to the tree, line, column, prefix) of each hit.
    func found(_ report: ScanReport, in tree: FixtureTree) -> [String] {
        report.hits.map { hit in
            let file = hit.file.hasPrefix(tree.path + "/") ? String(hit.file.dropFirst(tree.path.count + 1)) : hit.file
            return "\(file):\(hit.line):\(hit.column) \(hit.prefix)"
        }
    }

    @Test func hitsInTextFilesWithPositionAndPrefixOnly() throws {
        let tree = try FixtureTree()
        try tree.write("app.env", "# settings\nNSX_TOKEN=\(Tokens.live("AAAA"))\n")
        try tree.write("src/deep/config.json", "{\n  \"a\": 1,\n  \"token\": \"\(Tokens.test("BBBB"))\"\n}\n")
        try tree.write("src/clean.txt", "nothing here nsx_live_ but a prefix\n")
        let report = try TokenScanner.scan([tree.path])
        #expect(found(report, in: tree) == ["app.env:2:11 nsx_live_AAAA", "src/deep/config.json:3:13 nsx_test_BBBB"])
        #expect(report.hits.map(\.environment) == [.live, .test])
        #expect(report.filesScanned == 3)
        #expect(report.warnings.isEmpty)
    }

    @Test func theSecretIsInNoHit() throws {
        let tree = try FixtureTree()
        let secret = Tokens.live("SeCr")
        try tree.write("a.txt", secret)
        let report = try TokenScanner.scan([tree.path])
        #expect(report.hits.count == 1)
        #expect(!String(describing: report.hits).contains(secret))
        #expect(!String(describing: report.hits).contains(String(secret.dropFirst(13))))
    }

    @Test func skipsDotGitOutsideAWorkTreeToo() throws {
        let tree = try FixtureTree()
        // Not a repository (no HEAD): just a directory called .git, which is skipped by name.
        try tree.write(".git/config", "token = \(Tokens.live("GGGG"))\n")
        try tree.write("sub/.git/objects/x", Tokens.live("HHHH"))
        try tree.write("visible.txt", Tokens.live("VVVV"))
        let report = try TokenScanner.scan([tree.path], options: ScanOptions(honourGitIgnore: false))
        #expect(found(report, in: tree) == ["visible.txt:1:1 nsx_live_VVVV"])
    }

    @Test func splitTokensAnd33CharacterBodiesAreNotReported() throws {
        let tree = try FixtureTree()
        let token = Tokens.live("SPLT")
        try tree.write("split.txt", String(token.prefix(25)) + "\n" + String(token.dropFirst(25)) + "\n")
        try tree.write("long.txt", token + "Z\n")
        try tree.write("word.txt", "x" + token + "\n")
        let report = try TokenScanner.scan([tree.path])
        #expect(report.hits.isEmpty)
        #expect(report.filesScanned == 3)
    }

    @Test func neverFollowsSymlinksOutOfTheTree() throws {
        let tree = try FixtureTree()
        let outside = try FixtureTree()
        try outside.write("secret.env", Tokens.live("OUTS"))
        try tree.symlink("root", to: "/")
        try tree.symlink("elsewhere", to: outside.path)
        try tree.symlink("elsewhere.env", to: outside.path + "/secret.env")
        try tree.symlink("loop", to: ".")
        try tree.write("real/inside.env", Tokens.live("INSD"))
        try tree.symlink("alias", to: "real")
        let report = try TokenScanner.scan([tree.path])
        // The file inside is found once, by its own path; nothing behind any link.
        #expect(found(report, in: tree) == ["real/inside.env:1:1 nsx_live_INSD"])
        #expect(report.filesScanned == 1)
    }

    @Test func aSymlinkNamedAsPathIsFollowed() throws {
        let tree = try FixtureTree()
        let outside = try FixtureTree()
        try outside.write("d/secret.env", Tokens.live("NAMD"))
        try tree.symlink("link", to: outside.path + "/d")
        let report = try TokenScanner.scan([tree.path + "/link"])
        #expect(report.hits.map(\.file) == [tree.path + "/link/secret.env"])
    }

    @Test func binaryFilesAreSkippedUnlessAsked() throws {
        let tree = try FixtureTree()
        let token = Array(Tokens.live("BINA").utf8)
        try tree.write("image.bin", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A] + token + [0x0A])
        // A NUL after the first 8 KiB does not make a file binary.
        try tree.write("late-nul.txt", bytes: token + [0x0A] + Array(repeating: 0x41, count: 9000) + [0x00])
        let plain = try TokenScanner.scan([tree.path])
        #expect(found(plain, in: tree) == ["late-nul.txt:1:1 nsx_live_BINA"])
        #expect(plain.binaryFilesSkipped == 1)

        let all = try TokenScanner.scan([tree.path], options: ScanOptions(includeBinary: true))
        #expect(found(all, in: tree) == ["image.bin:2:1 nsx_live_BINA", "late-nul.txt:1:1 nsx_live_BINA"])
        #expect(all.binaryFilesSkipped == 0)
    }

    @Test func filesNamedAsPathsAreScannedDirectlyEvenBinaryOrIgnored() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write(".gitignore", "*.bin\n")
        try tree.write("blob.bin", bytes: [0x00] + Array(Tokens.live("NAME").utf8))
        let walked = try TokenScanner.scan([tree.path])
        #expect(walked.hits.isEmpty)
        let named = try TokenScanner.scan([tree.path + "/blob.bin"])
        #expect(named.hits.map(\.file) == [tree.path + "/blob.bin"])
    }

    @Test func aMissingPathIsAnErrorBeforeAnythingIsRead() throws {
        let tree = try FixtureTree()
        #expect(throws: ScanError.noSuchPath(tree.path + "/nope")) {
            try TokenScanner.scan([tree.path, tree.path + "/nope"])
        }
    }

    @Test func aFileThatCannotBeReadIsAWarningAndTheScanGoesOn() throws {
        let tree = try FixtureTree()
        try tree.write("good.env", Tokens.live("GOOD"))
        // /proc/self/mem cannot be read at offset 0 (EIO), even by root.
        let report = try TokenScanner.scan([tree.path, "/proc/self/mem"])
        #expect(found(report, in: tree) == ["good.env:1:1 nsx_live_GOOD"])
        #expect(report.warnings.map(\.path) == ["/proc/self/mem"])
        #expect(report.warnings.first?.message == "Input/output error")
    }

    @Test func manyFilesOnSeveralThreadsGiveTheSameSortedAnswer() throws {
        let tree = try FixtureTree()
        var expected: [String] = []
        for index in 0..<600 {
            let name = String(format: "d%02d/f%03d.txt", index % 17, index)
            if index % 7 == 0 {
                let tag = String(format: "T%03d", index)
                try tree.write(name, "line\n\(index) \(Tokens.live(tag))\n")
                expected.append("\(name):2:\(String(index).count + 2) nsx_live_\(tag)")
            } else {
                try tree.write(name, String(repeating: "nsx_ filler x\n", count: index % 50))
            }
        }
        expected.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for threads in [1, 2, 5] {
            let report = try TokenScanner.scan([tree.path], options: ScanOptions(threads: threads))
            #expect(found(report, in: tree) == expected, "threads: \(threads)")
            #expect(report.filesScanned == 600)
        }
    }
}
