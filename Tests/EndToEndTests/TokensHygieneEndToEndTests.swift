import Foundation
import Testing

/// `nsx tokens scan` and `nsx tokens audit` with the real nsx, a real nsx-server and real
/// git repositories.
@Suite("nsx tokens: scan and audit")
struct TokensHygieneEndToEndTests {
    static let hitKeys: Set<String> = ["file", "line", "column", "environment", "prefix", "matches"]
    static let findingKeys: Set<String> = ["id", "name", "prefix", "environment", "severity", "rule", "message", "fix", "profiles"]

    private func mint(_ world: ResourceWorld, _ name: String, _ extra: [String]) throws -> String {
        try world.ok(["tokens", "create", "--name", name] + extra).stdout.trimmingCharacters(in: .newlines)
    }

    private func id(_ world: ResourceWorld, named name: String) throws -> String {
        try #require(try world.object(["tokens", "show", name])["id"] as? String)
    }

    /// Neither the token nor its secret part (everything after the public prefix) appears.
    private func expectNoSecret(_ run: RunResult, _ secret: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let hidden = String(secret.dropFirst(13))
        for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            #expect(!text.contains(secret) && !text.contains(hidden), "\(context): the secret is on \(stream)\n\(run)", sourceLocation: sourceLocation)
        }
    }

    /// The same for what a terminal showed (stdout and stderr together).
    private func expectNoSecret(_ run: TerminalRun, _ secret: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let hidden = String(secret.dropFirst(13))
        #expect(!run.output.contains(secret) && !run.output.contains(hidden), "\(context): the secret is on the terminal\n\(run)",
                sourceLocation: sourceLocation)
    }

    // MARK: scan

    @Test("hits show file, line, column and the public prefix; the secret is in no output format")
    func scanOutputs() throws {
        let world = try ResourceWorld()
        let secret = try mint(world, "ci", ["--perm", "servers:read"])
        _ = try mint(world, "other", ["--perm", "servers:read"])
        let folder = try ScanFolder()
        try folder.write("config/app.env", "NSX_TOKEN=\(secret)\n")
        let stranger = "nsx_test_Zzzz" + String(repeating: "9", count: 28)
        try folder.write("notes.md", "# notes\n\nold: \(stranger)\n")

        for format in ["table", "json", "ndjson", "csv", "yaml"] {
            let run = try world.user.nsx(["tokens", "scan", folder.path, "-o", format])
            #expect(run.status == 10, "\(format): \(run)")
            #expect(run.stdout.contains(String(secret.prefix(13))), "\(format): \(run)")
            expectNoSecret(run, secret, format)
        }
        for extra in [["-q"], ["-v"], ["--fields", "file,prefix"], ["--binary", "--no-ignore"]] {
            let run = try world.user.nsx(["tokens", "scan", folder.path] + extra)
            #expect(run.status == 10, "\(extra): \(run)")
            expectNoSecret(run, secret, "\(extra)")
        }
        #expect(try world.user.nsx(["tokens", "scan", folder.path, "-q"]).stdout.isEmpty)

        let json = try world.user.nsx(["tokens", "scan", folder.path, "-o", "json"])
        let hits = try #require(try json.json() as? [[String: Any]])
        #expect(hits.count == 2)
        for hit in hits { #expect(Set(hit.keys) == Self.hitKeys) }
        #expect(hits[0]["file"] as? String == folder.path + "/config/app.env")
        #expect(hits[0]["line"] as? Int == 1)
        #expect(hits[0]["column"] as? Int == 11)
        #expect(hits[0]["environment"] as? String == "live")
        #expect(hits[0]["prefix"] as? String == String(secret.prefix(13)))
        let ciID = try id(world, named: "ci")
        let matches = try #require(hits[0]["matches"] as? [[String: String]])
        #expect(matches == [["id": ciID, "name": "ci", "status": "active"]])
        #expect(hits[1]["file"] as? String == folder.path + "/notes.md")
        #expect(hits[1]["line"] as? Int == 3)
        #expect(hits[1]["column"] as? Int == 6)
        #expect(hits[1]["environment"] as? String == "test")
        #expect((hits[1]["matches"] as? [Any])?.isEmpty == true)
        #expect(json.stderr.contains(#""code":"FINDINGS""#), "\(json)")

        let csv = parseCSV(try world.ok(["tokens", "scan", folder.path, "-o", "csv"], allowing: 10).stdout)
        #expect(csv.first == ["file", "line", "column", "environment", "prefix", "matches"])

        // For people: where, the prefix marked as cut short, and whose it probably is.
        let terminal = try world.user.onTerminal(["tokens", "scan", folder.path, "--no-color"], columns: 200)
        #expect(terminal.status == 10, "\(terminal)")
        #expect(terminal.text.contains("\(folder.path)/config/app.env:1:11"), "\(terminal)")
        #expect(terminal.text.contains("\(secret.prefix(13))…"), "\(terminal)")
        #expect(terminal.text.contains("ci (\(ciID)), active"), "\(terminal)")
        #expect(terminal.text.contains("no match"), "\(terminal)")
        #expect(terminal.text.contains("found 2 tokens in 2 files"), "\(terminal)")
        #expect(terminal.text.contains("nsx tokens scan \(folder.path) --revoke"), "\(terminal)")
        expectNoSecret(terminal, secret, "terminal")
    }

    @Test("without a credential the scan works offline: no matching, no network, no error but the findings")
    func scanOffline() throws {
        let server = try TestServer()
        let user = try NSXUser(server: server)
        let folder = try ScanFolder()
        let secret = "nsx_live_Offl" + String(repeating: "1", count: 28)
        try folder.write("deploy.sh", "curl -H \"Authorization: Bearer \(secret)\" …\n")
        // Nothing listens on port 9: any request would fail loudly.
        let run = try user.nsx(["tokens", "scan", folder.path, "-o", "json"], extraEnvironment: ["NSX_API_URL": "http://127.0.0.1:9"])
        #expect(run.status == 10, "\(run)")
        let hits = try #require(try run.json() as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits.first?["matches"] is NSNull)
        #expect(run.stderr == #"{"success":false,"error":{"code":"FINDINGS","message":"found 1 token in 1 file"}}"# + "\n", "\(run)")
        expectNoSecret(run, secret, "offline")

        let table = try user.nsx(["tokens", "scan", folder.path])
        #expect(table.stderr.contains("Log in (or set NSX_TOKEN) to see whose tokens these are"), "\(table)")

        let clean = try ScanFolder()
        try clean.write("README", "nothing to see\n")
        let none = try user.nsx(["tokens", "scan", clean.path])
        #expect(none.status == 0, "\(none)")
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.contains("No tokens found (1 file scanned)"), "\(none)")
        let noneJSON = try user.nsx(["tokens", "scan", clean.path, "-o", "json"])
        #expect(noneJSON.status == 0 && noneJSON.stdout == "[]\n", "\(noneJSON)")

        let missing = try user.nsx(["tokens", "scan", clean.path + "/nope"])
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("nope: no such file or directory"))
    }

    @Test("standard input and the current directory, with paths as ripgrep shows them")
    func scanStandardInputAndCurrentDirectory() throws {
        let server = try TestServer()
        let user = try NSXUser(server: server)
        let secret = "nsx_test_Stdi" + String(repeating: "2", count: 28)
        let piped = try user.nsx(["tokens", "scan", "-", "-o", "ndjson"], stdin: "line one\n\(secret)\n")
        #expect(piped.status == 10, "\(piped)")
        let hit = try #require(try parseNDJSON(piped.stdout).first)
        #expect(hit["file"] as? String == "(standard input)")
        #expect(hit["line"] as? Int == 2)

        let folder = try ScanFolder()
        try folder.write("sub/a.env", secret)
        let here = try nsx(user, in: folder.path, ["tokens", "scan", "-o", "json"])
        #expect(here.status == 10, "\(here)")
        #expect((try here.json() as? [[String: Any]])?.first?["file"] as? String == "sub/a.env")
    }

    @Test("--revoke --yes revokes the matched token, which then fails (401) on its next use")
    func scanRevoke() throws {
        let world = try ResourceWorld()
        let leaked = try mint(world, "leaked", ["--perm", "servers:read"])
        let kept = try mint(world, "kept", ["--perm", "servers:read"])
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": leaked]).status == 0)
        let folder = try ScanFolder()
        try folder.write("ci.yml", "env:\n  NSX_TOKEN: \(leaked)\n")
        try folder.write("copy.txt", leaked)

        let run = try world.user.nsx(["tokens", "scan", folder.path, "--revoke", "--yes", "-o", "json"])
        #expect(run.status == 10, "\(run)")
        expectNoSecret(run, leaked, "--revoke")
        #expect(run.stderr.contains("Revoked token leaked (tok_"), "\(run)")
        let hits = try #require(try run.json() as? [[String: Any]])
        #expect(hits.count == 2)
        for hit in hits {
            #expect((hit["matches"] as? [[String: String]])?.map { $0["status"] } == ["revoked"], "\(run)")
        }

        let next = try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": leaked])
        #expect(next.status == 3, "\(next)")
        #expect(next.stderr.contains("Invalid or missing authentication token"))
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": kept]).status == 0)

        let again = try world.user.nsx(["tokens", "scan", folder.path, "--revoke", "--yes"])
        #expect(again.status == 10, "\(again)")
        #expect(again.stderr.contains("None of the hits is an active token of yours: nothing to revoke."), "\(again)")
    }

    @Test("--revoke goes on past a token it cannot revoke, and exits with that failure's code")
    func scanRevokePartly() throws {
        let world = try ResourceWorld()
        let first = try mint(world, "first", ["--perm", "servers:read"])
        let second = try mint(world, "second", ["--perm", "servers:read"])
        let folder = try ScanFolder()
        try folder.write("a.env", "\(first)\n\(second)\n")
        let firstID = try id(world, named: "first")
        try world.server.injectFault(#"{"count":1,"status":409,"method":"DELETE","path_prefix":"/api/v1/tokens/\#(firstID)"}"#)

        let run = try world.user.nsx(["tokens", "scan", folder.path, "--revoke", "--yes", "-o", "json"])
        #expect(run.status == 6, "\(run)")
        #expect(run.stderr.contains("✗ first (\(firstID))"), "\(run)")
        #expect(run.stderr.contains("Revoked token second (tok_"), "\(run)")
        #expect(run.stderr.contains(#""message":"1 of 2 failed""#), "\(run)")
        let statuses = try #require(try run.json() as? [[String: Any]]).map { ($0["matches"] as? [[String: String]])?.first?["status"] }
        #expect(statuses == ["active", "revoked"], "\(run)")
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": first]).status == 0)
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": second]).status == 3)
    }

    @Test("--revoke asks on a terminal, naming the token and where it was found; without one it needs --yes")
    func scanRevokeAsks() throws {
        let world = try ResourceWorld()
        let leaked = try mint(world, "leaked", ["--perm", "servers:read"])
        let works = { try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": leaked]).status }
        let folder = try ScanFolder()
        try folder.write("a.env", "\n\(leaked)\n")

        let piped = try world.user.nsx(["tokens", "scan", folder.path, "--revoke"])
        #expect(piped.status == 2, "\(piped)")
        #expect(piped.stderr.contains("nsx tokens scan --revoke needs confirmation"), "\(piped)")
        #expect(try works() == 0)

        let declined = try world.user.onTerminal(["tokens", "scan", folder.path, "--revoke", "--no-color"],
                                                answers: [TerminalAnswer(prompt: "[y/N]", answer: "n")], columns: 200)
        #expect(declined.status == 1, "\(declined)")
        let leakedID = try id(world, named: "leaked")
        #expect(declined.text.contains("leaked (\(leaked.prefix(13)), \(leakedID)), found in \(folder.path)/a.env:2:1"), "\(declined)")
        #expect(declined.text.contains("Revoke this token?"), "\(declined)")
        expectNoSecret(declined, leaked, "question")
        #expect(try works() == 0)

        let accepted = try world.user.onTerminal(["tokens", "scan", folder.path, "--revoke", "--no-color"],
                                                answers: [TerminalAnswer(prompt: "[y/N]", answer: "y")], columns: 200)
        #expect(accepted.status == 10, "\(accepted)")
        #expect(try works() == 3)
    }

    @Test("--revoke needs a credential; a session that cannot list tokens still gets its hits")
    func scanRevokeNeedsCredential() throws {
        let world = try ResourceWorld()
        let folder = try ScanFolder()
        try folder.write("a.env", "nsx_live_Nope" + String(repeating: "3", count: 28))
        let anonymous = try NSXUser(server: world.server)
        let refused = try anonymous.nsx(["tokens", "scan", folder.path, "--revoke", "--yes"])
        #expect(refused.status == 3, "\(refused)")
        #expect(refused.stderr.contains("not logged in"), "\(refused)")

        // A token without settings:read: the hits come, the matching is skipped with a warning.
        let narrow = try mint(world, "narrow", ["--perm", "servers:read"])
        let run = try world.user.nsx(["tokens", "scan", folder.path, "-o", "json"], extraEnvironment: ["NSX_TOKEN": narrow])
        #expect(run.status == 10, "\(run)")
        #expect(run.stderr.contains("could not match the hits to your tokens: Token does not have permission: settings:read"), "\(run)")
        #expect((try run.json() as? [[String: Any]])?.first?["matches"] is NSNull)
        let table = try world.user.nsx(["tokens", "scan", folder.path], extraEnvironment: ["NSX_TOKEN": narrow])
        #expect(table.stderr.contains("hint: Remove them from the files, and revoke any that still work."), "\(table)")
    }

    @Test("--staged sees only what git would commit; the README's pre-commit hook stops the commit")
    func scanStagedAndHook() throws {
        let world = try ResourceWorld()
        let folder = try ScanFolder()
        let committed = "nsx_live_Comm" + String(repeating: "4", count: 28)
        let staged = "nsx_live_Stag" + String(repeating: "5", count: 28)
        let unstaged = "nsx_live_Unst" + String(repeating: "6", count: 28)
        try folder.git("init", "-q", ".")
        try folder.write("old.env", "A=\(committed)\n")
        try folder.git("add", ".")
        try folder.git("commit", "-q", "-m", "first")
        try folder.write("old.env", "A=\(committed)\nB=\(staged)\n")
        try folder.git("add", "old.env")
        try folder.write("old.env", "A=\(committed)\nB=\(staged)\nC=\(unstaged)\n")
        try folder.write("untracked.env", unstaged)

        let run = try nsx(world.user, in: folder.path, ["tokens", "scan", "--staged", "-o", "json"])
        #expect(run.status == 10, "\(run)")
        let hits = try #require(try run.json() as? [[String: Any]])
        #expect(hits.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!)" } == ["old.env:2:3"])
        for secret in [committed, staged, unstaged] { expectNoSecret(run, secret, "--staged") }

        let outside = try ScanFolder()
        let notRepo = try nsx(world.user, in: outside.path, ["tokens", "scan", "--staged"])
        #expect(notRepo.status == 1, "\(notRepo)")
        #expect(notRepo.stderr.contains("not a git repository"), "\(notRepo)")

        // The hook line from the README, with nsx on PATH as a user would have it.
        try folder.write(".git/hooks/pre-commit", "#!/bin/sh\nnsx tokens scan --staged || exit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/.git/hooks/pre-commit")
        var environment = world.user.environment
        environment["PATH"] = BuildProducts.binDir.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let blocked = try folder.gitResult(["commit", "-q", "-m", "leak"], environment: environment)
        #expect(blocked.status != 0, "\(blocked)")
        #expect(blocked.stderr.contains("found 1 token in 1 file"), "\(blocked)")
        expectNoSecret(blocked, staged, "hook")
        try folder.write("old.env", "A=\(committed)\nB=from the environment\n")
        try folder.git("add", "old.env")
        let clean = try folder.gitResult(["commit", "-q", "-m", "clean"], environment: environment)
        #expect(clean.status == 0, "\(clean)")
    }

    @Test("a walk finds each repository from its folder, whatever GIT_DIR and GIT_WORK_TREE say (as in a hook)")
    func scanIgnoresInheritedGitVariables() throws {
        let server = try TestServer()
        let user = try NSXUser(server: server)
        let other = try ScanFolder()
        try other.git("init", "-q", ".")
        let folder = try ScanFolder()
        try folder.git("init", "-q", ".")
        try folder.write(".gitignore", "*.local\n")
        try folder.write("ignored.local", "nsx_live_Ignr" + String(repeating: "8", count: 28))
        try folder.write("kept.env", "nsx_live_Kept" + String(repeating: "8", count: 28))
        let run = try user.nsx(["tokens", "scan", folder.path, "-o", "json"],
                               extraEnvironment: ["GIT_DIR": other.path + "/.git", "GIT_WORK_TREE": other.path])
        #expect(run.status == 10, "\(run)")
        #expect((try run.json() as? [[String: Any]])?.map { $0["file"] as? String } == [folder.path + "/kept.env"], "\(run)")
        #expect(!run.stderr.contains("warning"), "\(run)")
    }

    @Test("files and directories that cannot be read are warnings; the rest is scanned")
    func scanUnreadable() throws {
        let folder = try ScanFolder()
        let token = "nsx_live_Open" + String(repeating: "7", count: 28)
        try folder.write("open.env", token)
        try folder.write("closed.env", token)
        try folder.write("locked/inner.env", token)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.path + "/closed.env")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.path + "/locked")
        // Permission bits do not stop root, so as root the scan runs as nobody.
        var arguments = [BuildProducts.nsx.path, "tokens", "scan", folder.path, "-o", "json"]
        if geteuid() == 0 {
            arguments = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + arguments
        }
        let environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "NSX_CONFIG_DIR": folder.path + "/no-config"]
        let run = try runProcess(URL(fileURLWithPath: arguments[0]), Array(arguments.dropFirst()), environment: environment)
        #expect(run.status == 10, "\(run)")
        let hits = try #require(try run.json() as? [[String: Any]])
        #expect(hits.map { $0["file"] as? String } == [folder.path + "/open.env"])
        #expect(run.stderr.contains("warning: \(folder.path)/closed.env: Permission denied"), "\(run)")
        #expect(run.stderr.contains("warning: \(folder.path)/locked: Permission denied"), "\(run)")
    }

    // MARK: audit

    @Test("audit on a fresh server: all permissions, every write permission, no expiry, profile credentials marked; JSON shape; --fail")
    func audit() throws {
        let world = try ResourceWorld()
        _ = try mint(world, "admin", ["--perm", "*"])
        _ = try mint(world, "writer", ["--perm", "servers:write,instances:write,instances:actions,backups:write,backups:restore,settings:write", "--expires", "30d"])
        _ = try mint(world, "reader", ["--perm", "servers:read", "--expires", "30d"])
        _ = try mint(world, "sandbox", ["--perm", "servers:read", "--test", "--expires", "30d"])
        try world.ok(["tokens", "create", "--name", "stored", "--perm", "servers:read", "--save-profile", "stored"])
        let admin = try id(world, named: "admin"), writer = try id(world, named: "writer"), stored = try id(world, named: "stored")

        let run = try world.ok(["tokens", "audit", "-o", "json"])
        let findings = try #require(try run.json() as? [[String: Any]])
        for finding in findings { #expect(Set(finding.keys) == Self.findingKeys) }
        #expect(findings.map { "\($0["severity"]!) \($0["rule"]!) \($0["name"]!)" } == [
            "high all-permissions admin",
            "medium all-write-permissions writer",
            "low no-expiry admin",
            "low no-expiry stored",
        ])
        #expect(findings[0]["fix"] as? String == "nsx tokens create --name admin --for COMMAND --expires 90d && nsx tokens revoke \(admin)")
        #expect(findings[0]["message"] as? String == "has every permission")
        #expect(findings[1]["id"] as? String == writer)
        #expect(findings[3]["fix"] as? String == "nsx tokens rotate \(stored) --expires 90d")
        #expect(findings[3]["profiles"] as? [String] == ["stored"])
        #expect(findings[2]["profiles"] as? [String] == [])
        #expect(findings[0]["prefix"] as? String == (try world.object(["tokens", "show", admin])["prefix"] as? String))

        let failing = try world.user.nsx(["tokens", "audit", "--fail", "-o", "json"])
        #expect(failing.status == 10, "\(failing)")
        #expect(failing.stderr == #"{"success":false,"error":{"code":"FINDINGS","message":"4 findings for 3 of 5 tokens"}}"# + "\n", "\(failing)")
        #expect((try failing.json() as? [Any])?.count == 4)

        // For people: a line per finding, sorted by severity, and its whole fix under it.
        let table = try world.ok(["tokens", "audit"])
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8, "\(table)")
        #expect(lines.enumerated().filter { $0.offset % 2 == 0 }.map { $0.element.split(separator: " ").first.map(String.init) } == ["high", "medium", "low", "low"])
        #expect(lines[0] == "high    admin (\(admin))   has every permission", "\(table)")
        #expect(lines[1] == "        fix: nsx tokens create --name admin --for COMMAND --expires 90d && nsx tokens revoke \(admin)", "\(table)")
        #expect(lines[4] == "low     admin (\(admin))   never expires", "\(table)")
        #expect(lines[5] == "        fix: nsx tokens rotate \(admin) --expires 90d", "\(table)")
        #expect(lines[6].hasSuffix("never expires; the credential of profile \"stored\""), "\(table)")
        #expect(table.stderr.contains("4 findings for 3 of 5 tokens."), "\(table)")
        let picked = try world.ok(["tokens", "audit", "--fields", "severity,name,rule"])
        #expect(picked.stdout.split(separator: "\n").first?.split(separator: " ").map(String.init) == ["SEVERITY", "TOKEN", "RULE"], "\(picked)")

        #expect(try world.ok(["tokens", "audit", "-q"]).stdout == "\(admin)\n\(writer)\n\(stored)\n")
        let csv = parseCSV(try world.ok(["tokens", "audit", "-o", "csv"]).stdout)
        #expect(csv.first == ["id", "name", "prefix", "environment", "severity", "rule", "message", "fix", "profiles"])

        // Only the test token, which breaks no rule: --fail passes.
        let test = try world.user.nsx(["tokens", "audit", "--env", "test", "--fail", "-o", "json"])
        #expect(test.status == 0, "\(test)")
        #expect(test.stdout == "[]\n")
        let tidy = try world.user.nsx(["tokens", "audit", "--env", "test"])
        #expect(tidy.stderr.contains("No findings: 1 token checked."), "\(tidy)")
    }

    @Test("audit with short thresholds: unused and too old, from the server's own last_used_at and created_at")
    func auditThresholds() throws {
        let world = try ResourceWorld()
        let used = try mint(world, "used", ["--perm", "servers:read", "--expires", "30d"])
        _ = try mint(world, "idle", ["--perm", "servers:read", "--expires", "30d"])
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": used]).status == 0)
        let usedID = try id(world, named: "used"), idleID = try id(world, named: "idle")
        // Whole seconds on the server's clock: two of them make every token older than 1s.
        Thread.sleep(forTimeInterval: 2.2)

        let findings = try #require(try world.ok(["tokens", "audit", "--unused-for", "1s", "--max-age", "1s", "-o", "json"]).json() as? [[String: Any]])
        #expect(findings.map { "\($0["rule"]!) \($0["name"]!)" } == ["unused used", "max-age idle", "max-age used"])
        #expect((findings[0]["message"] as? String)?.hasPrefix("not used for ") == true)
        #expect(findings[0]["fix"] as? String == "nsx tokens revoke \(usedID)")
        #expect(findings[1]["fix"] as? String == "nsx tokens rotate \(idleID)")

        // The defaults: nothing is old or unused yet.
        #expect((try world.ok(["tokens", "audit", "-o", "json"]).json() as? [Any])?.isEmpty == true)

        let bare = try world.user.nsx(["tokens", "audit", "--unused-for", "30"])
        #expect(bare.status == 2, "\(bare)")
        #expect(bare.stderr.contains("--unused-for 30 needs a unit, e.g. 30d"), "\(bare)")
    }

    @Test("audit's fixes act where the audit looked: a --profile or --api-url given is in every command of every fix")
    func auditFixesKeepTheProfile() throws {
        let world = try ResourceWorld()
        #expect(try world.user.login(extra: ["--profile", "work"]).status == 0)
        _ = try mint(world, "admin", ["--perm", "*", "--profile", "work"])
        let admin = try #require(try world.object(["tokens", "show", "admin", "--profile", "work"])["id"] as? String)

        func fixes(_ arguments: [String], environment: [String: String] = [:]) throws -> [String] {
            let findings = try #require(try world.ok(arguments, extraEnvironment: environment).json() as? [[String: Any]])
            return findings.compactMap { $0["fix"] as? String }
        }
        #expect(try fixes(["--profile", "work", "tokens", "audit", "-o", "json"]) == [
            "nsx tokens create --name admin --for COMMAND --expires 90d --profile work && nsx tokens revoke \(admin) --profile work",
            "nsx tokens rotate \(admin) --expires 90d --profile work",
        ])
        let url = world.server.url
        #expect(try fixes(["tokens", "audit", "--profile", "work", "--api-url", url, "-o", "json"]).first ==
            "nsx tokens create --name admin --for COMMAND --expires 90d --profile work --api-url \(url) && nsx tokens revoke \(admin) --profile work --api-url \(url)")
        // NSX_PROFILE chose it: the fix names it too, so it works pasted into another shell.
        #expect(try fixes(["tokens", "audit", "-o", "json"], environment: ["NSX_PROFILE": "work"]).first ==
            "nsx tokens create --name admin --for COMMAND --expires 90d --profile work && nsx tokens revoke \(admin) --profile work")
    }

    @Test("audit of tokens made on a back-dated server (--clock-start): never used, unused and too old under the default thresholds")
    func auditBackDated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("nsx.sqlite").path

        // A server whose clock is 200 days (and an hour) behind: what it makes looks that old.
        // Its sessions look expired to nsx, so the old tokens are made with curl.
        let start = Date().addingTimeInterval(-(200 * 86_400 + 3_600))
        let past = try TestServer(dataPath: database, extraArguments: ["--clock-start", ISO8601DateFormatter().string(from: start)])
        let login = try Curl.run(["-sS", "-H", "Content-Type: application/json", "--data-binary", "@-", "\(past.url)/auth/login"],
                                 stdin: #"{"email":"\#(TestServer.email)","password":"\#(TestServer.password)"}"#)
        let session = try #require(((try login.json() as? [String: Any])?["data"] as? [String: Any])?["token"] as? String, "\(login)")
        let bearer = "Authorization: Bearer \(session)\n"
        let expiry = ISO8601DateFormatter().string(from: start.addingTimeInterval(365 * 86_400))
        func oldToken(_ name: String) throws -> (id: String, secret: String) {
            let made = try Curl.run(["-sS", "-H", "Content-Type: application/json", "-H", "@-", "--data",
                                     #"{"name":"\#(name)","permissions":["servers:read"],"expires_at":"\#(expiry)"}"#,
                                     "\(past.url)/api/v1/tokens"], stdin: bearer)
            let data = try #require((try made.json() as? [String: Any])?["data"] as? [String: Any], "\(made)")
            return (try #require(data["id"] as? String), try #require(data["token"] as? String))
        }
        _ = try oldToken("idle")
        let used = try oldToken("used")
        let gone = try oldToken("gone")
        let script = try NSXUser(server: past)
        #expect(try script.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": used.secret]).status == 0)
        // A revoked token can do nothing: the audit leaves it out, however old.
        let revoked = try Curl.run(["-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE", "-H", "@-",
                                    "\(past.url)/api/v1/tokens/\(gone.id)"], stdin: bearer)
        #expect(revoked.stdout == "200", "\(revoked)")
        past.stop()

        // Today, on the same data: the person's audit.
        let today = try TestServer(dataPath: database)
        defer { today.stop() }
        let person = try NSXUser(server: today)
        #expect(try person.login().status == 0)
        let run = try person.nsx(["tokens", "audit", "--fail", "-o", "json"])
        #expect(run.status == 10, "\(run)")
        let findings = try #require(try run.json() as? [[String: Any]])
        #expect(findings.map { "\($0["severity"]!) \($0["rule"]!) \($0["name"]!)" } == [
            "high never-used idle",
            "high unused used",
            "medium max-age idle",
            "medium max-age used",
        ], "\(run)")
        let messages = Dictionary(findings.map { ("\($0["rule"]!) \($0["name"]!)", $0["message"] as? String ?? "") }) { $1 }
        #expect(messages["never-used idle"] == "never used since it was created 200 days ago")
        #expect(messages["unused used"] == "not used for 200 days (more than 30 days)")
        #expect(messages["max-age used"] == "created 200 days ago (older than 90 days)")
        let idle = try #require(try person.nsx(["tokens", "show", "idle", "-o", "json"]).json() as? [String: Any])
        #expect(idle["last_used_at"] is NSNull)
        #expect(findings.first?["fix"] as? String == "nsx tokens revoke \(idle["id"]!)")
    }

    @Test("nsx help exit-codes documents 10")
    func exitCodeDocumented() throws {
        let server = try TestServer()
        let codes = try NSXUser(server: server).nsx("help", "exit-codes")
        #expect(codes.stdout.contains("  10   findings: tokens scan found tokens in files, or tokens audit --fail found something to fix"), "\(codes)")
    }

    /// Runs nsx with `directory` as its working directory.
    private func nsx(_ user: NSXUser, in directory: String, _ arguments: [String]) throws -> RunResult {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["-C", directory, BuildProducts.nsx.path] + arguments,
                       environment: user.environment)
    }
}

extension ResourceWorld {
    /// Runs nsx and requires one exit status.
    @discardableResult
    func ok(_ arguments: [String], allowing status: Int32) throws -> RunResult {
        let result = try user.nsx(arguments)
        guard result.status == status else { throw WorldError.failed(arguments, result) }
        return result
    }
}

/// A throwaway folder of files to scan (or a git repository), removed afterwards.
final class ScanFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-scan-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? runProcess(URL(fileURLWithPath: "/bin/chmod"), ["-R", "u+rwx", path], environment: [:])
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// git in the folder with a fixed identity, no user or system configuration; must succeed.
    func git(_ arguments: String...) throws {
        let result = try gitResult(arguments, environment: ProcessInfo.processInfo.environment)
        guard result.status == 0 else { throw WorldError.setup("git \(arguments.joined(separator: " ")): \(result)") }
    }

    func gitResult(_ arguments: [String], environment: [String: String]) throws -> RunResult {
        var environment = environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        return try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                              ["git", "-C", path, "-c", "user.name=Test", "-c", "user.email=test@example.com",
                               "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments,
                              environment: environment)
    }
}
