import Foundation
import NSXTokenScan
import Testing

/// `--staged`: exactly what `git commit` would add now.
struct StagedScanTests {
    func hits(_ report: ScanReport) -> [String] {
        report.hits.map { "\($0.file):\($0.line):\($0.column) \($0.prefix)" }
    }

    @Test func seesOnlyStagedAdditionsWithNewLineNumbers() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write("committed.env", "a\nb\nOLD=\(Tokens.live("OLDC"))\nc\n")
        try tree.write("moved.env", "KEEP=\(Tokens.live("MOVE"))\n")
        try tree.git("add", ".")
        try tree.git("commit", "-q", "-m", "first")

        // Staged: a new line 2 in a committed file, a new file, a rename with no new lines.
        try tree.write("committed.env", "a\nNEW=\(Tokens.live("NEWL"))\nb\nOLD=\(Tokens.live("OLDC"))\nc\n")
        try tree.write("added/new file.json", "{\n\"t\": \"\(Tokens.test("ADDF"))\"\n}\n")
        try tree.git("mv", "moved.env", "renamed.env")
        try tree.git("add", "committed.env", "added")
        // Not staged: a change in the work tree, an untracked file.
        try tree.write("committed.env", "a\nNEW=\(Tokens.live("NEWL"))\nb\nOLD=\(Tokens.live("OLDC"))\nc\nWT=\(Tokens.live("WORK"))\n")
        try tree.write("untracked.env", Tokens.live("UNTR"))

        let report = try StagedScanner.scan(repository: tree.path)
        #expect(hits(report) == ["added/new file.json:2:7 nsx_test_ADDF", "committed.env:2:5 nsx_live_NEWL"])
        #expect(report.filesScanned == 2)
    }

    @Test func aRemovedTokenIsNotReportedAndPathsLimitTheDiff() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write("a.env", Tokens.live("AAAA") + "\n")
        try tree.write("b.env", Tokens.live("BBBB") + "\n")
        try tree.git("add", ".")
        try tree.git("commit", "-q", "-m", "first")
        try tree.write("a.env", "gone\n")
        try tree.write("c.env", Tokens.live("CCCC") + "\n")
        try tree.write("d.env", Tokens.live("DDDD") + "\n")
        try tree.git("add", ".")
        try tree.git("rm", "-q", "b.env")
        #expect(hits(try StagedScanner.scan(repository: tree.path)) == ["c.env:1:1 nsx_live_CCCC", "d.env:1:1 nsx_live_DDDD"])
        #expect(hits(try StagedScanner.scan(repository: tree.path, paths: ["d.env"])) == ["d.env:1:1 nsx_live_DDDD"])
    }

    @Test func theFirstCommitAndOddNames() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write("café \"x\"\tname.env", "\n\n  \(Tokens.live("ODDN"))\n")
        try tree.write("+++ weird", "+++ \(Tokens.live("PLUS"))\n")
        try tree.git("add", ".")
        #expect(hits(try StagedScanner.scan(repository: tree.path)) == [
            "+++ weird:1:5 nsx_live_PLUS", "café \"x\"\tname.env:3:3 nsx_live_ODDN",
        ])
    }

    @Test func contentLinesThatLookLikeHeadersAreContent() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write("diff.txt", "one\n")
        try tree.git("add", ".")
        try tree.git("commit", "-q", "-m", "first")
        try tree.write("diff.txt", "one\n++ b/other\ndiff --git a b\n@@ -1 +1 @@\n\(Tokens.live("HDRS"))\n")
        try tree.git("add", ".")
        #expect(hits(try StagedScanner.scan(repository: tree.path)) == ["diff.txt:5:1 nsx_live_HDRS"])
    }

    @Test func binaryStagedFilesAreSkippedUnlessAsked() throws {
        let tree = try FixtureTree()
        try tree.git("init", "-q", ".")
        try tree.write("blob.bin", bytes: [0, 1, 2, 0x0A] + Array(Tokens.live("BLOB").utf8) + [0x0A])
        try tree.git("add", ".")
        #expect(try StagedScanner.scan(repository: tree.path).hits.isEmpty)
        #expect(hits(try StagedScanner.scan(repository: tree.path, includeBinary: true)) == ["blob.bin:2:1 nsx_live_BLOB"])
    }

    @Test func outsideAWorkTreeIsAnError() throws {
        let tree = try FixtureTree()
        #expect {
            try StagedScanner.scan(repository: tree.path)
        } throws: { error in
            guard case ScanError.git(let message) = error else { return false }
            return message.contains("not a git repository")
        }
    }
}
