import Foundation
import Testing

/// A new user's first hour, by command and through pipes: hints that keep the profile,
/// usage errors that name the problem, HEAD, faithful CSV, where success lines go, and the
/// smaller things. Each test failed on 341a432, except where its comment says otherwise.
@Suite("a new user's commands")
struct FirstHourCommandsEndToEndTests {
    // MARK: 12. hints keep --profile

    @Test("with --profile x, every suggested command carries it")
    func hintsKeepTheProfile() throws {
        let world = try ResourceWorld()
        let loggedOut = try world.user.nsx(["--profile", "x", "servers", "list"])
        #expect(loggedOut.status == 3, "\(loggedOut)")
        #expect(loggedOut.stderr.contains("hint: Run `nsx login --profile x`, or set NSX_TOKEN."), "\(loggedOut)")

        let login = try world.user.nsx(["--profile", "ro", "login", "--with-token"],
                                       stdin: try world.ok(["tokens", "create", "--name", "ro", "--perm", "servers:read"]).stdout)
        #expect(login.status == 0, "\(login)")
        let denied = try world.user.nsx(["servers", "create", "--name", "web-1", "--region", "us-east", "--plan", "basic-1", "--profile", "ro"])
        #expect(denied.status == 4, "\(denied)")
        #expect(denied.stderr.contains("nsx tokens create --name <name> --perm servers:read,servers:write --profile ro"), "\(denied)")

        let roID = try #require(try world.object(["tokens", "show", "ro"])["id"] as? String)
        try world.ok(["tokens", "revoke", roID, "--yes"])
        let revoked = try world.user.nsx(["--profile", "ro", "servers", "list"])
        #expect(revoked.status == 3, "\(revoked)")
        #expect(revoked.stderr.contains("nsx login --profile ro"), "\(revoked)")
    }

    // MARK: 13. --cacert names the file

    @Test("--cacert /missing is a usage error (exit 2) naming the file, and so is NSX_CA_BUNDLE")
    func missingCABundle() throws {
        let world = try ResourceWorld()
        let flag = try world.user.nsx(["--cacert", "/missing/ca.pem", "servers", "list"])
        #expect(flag.status == 2, "\(flag)")
        #expect(flag.stderr.contains("/missing/ca.pem"), "\(flag)")
        #expect(flag.stderr.contains("--cacert"), "\(flag)")
        #expect(!flag.stderr.contains("TLS failure"), "\(flag)")
        let env = try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_CA_BUNDLE": "/missing/ca.pem"])
        #expect(env.status == 2, "\(env)")
        #expect(env.stderr.contains("NSX_CA_BUNDLE"), "\(env)")
        let notPEM = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-not-pem-\(UUID().uuidString)")
        try Data("hello\n".utf8).write(to: notPEM)
        defer { try? FileManager.default.removeItem(at: notPEM) }
        let garbage = try world.user.nsx(["--cacert", notPEM.path, "servers", "list"])
        #expect(garbage.status == 2, "\(garbage)")
        #expect(garbage.stderr.contains("no PEM certificate"), "\(garbage)")
    }

    // MARK: 14. HEAD

    @Test("nsx api HEAD prints the answer's head; nsx-server answers HEAD on every GET route")
    func head() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("web-1")
        let run = try world.user.nsx(["api", "HEAD", "servers"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("HTTP 200 OK\n"), "\(run)")
        #expect(run.stdout.contains("X-Request-Id: req_") || run.stdout.contains("x-request-id: req_"), "\(run)")
        let missing = try world.user.nsx(["api", "HEAD", "servers/srv_nothere"])
        #expect(missing.status == 5, "\(missing)")
        #expect(missing.stderr.contains("error: HTTP 404 Not Found"), "\(missing)")
        #expect(!missing.stderr.contains("unreadable"), "\(missing)")

        let session = try world.sessionToken()
        for path in ["/api/v1/servers", "/api/v1/instances", "/api/v1/backups", "/api/v1/tokens", "/api/v1/me", "/api/v1/settings"] {
            let curl = try Curl.run(["-sS", "-I", "-H", "Authorization: Bearer \(session)", "\(world.server.url)\(path)"])
            #expect(curl.stdout.hasPrefix("HTTP/1.1 200"), "\(path): \(curl)")
        }
        let anonymous = try Curl.run(["-sS", "-I", "\(world.server.url)/api/v1/servers"])
        #expect(anonymous.stdout.hasPrefix("HTTP/1.1 401"), "\(anonymous)")
        let post = try Curl.run(["-sS", "-I", "-H", "Authorization: Bearer \(session)", "\(world.server.url)/auth/login"])
        #expect(post.stdout.hasPrefix("HTTP/1.1 405"), "a POST-only route still refuses HEAD: \(post)")
    }

    // MARK: 15. CSV is data

    @Test("piped CSV keeps every character (RFC 4180 quoting); only a terminal gets escapes")
    func faithfulCSV() throws {
        // Already faithful on 341a432: this pins it.
        let world = try ResourceWorld()
        let server = try world.createServer("web-1")
        let instance = try world.createInstance("app-1", server: server)
        let name = "evil\u{1B}]0;x\u{07}\nline two, \"quoted\""
        _ = try world.object(["backups", "create", "--instance", instance, "--name", name, "--wait"])
        let csv = try world.ok(["backups", "list", "-o", "csv", "--fields", "name"])
        #expect(parseCSV(csv.stdout) == [["name"], [name]], "\(csv)")
        let terminal = try world.user.onTerminal(["backups", "list", "-o", "csv", "--fields", "name"])
        #expect(terminal.output.contains("evil^[]0;x^G\\nline two"), "\(terminal)")
        #expect(!terminal.output.contains("\u{07}"), "\(terminal)")
    }

    // MARK: 16. stdout carries data only

    @Test("✓ lines of delete, revoke and actions go to stderr like create's; stdout carries data only")
    func successLinesOnStderr() throws {
        let world = try ResourceWorld()
        let server = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: server)
        let start = try world.ok(["instances", "start", "app-1", "--wait"])
        #expect(start.stdout.isEmpty, "\(start)")
        #expect(start.stderr.contains("✓ Started instance app-1 (ins_"), "\(start)")
        let stop = try world.ok(["instances", "stop", "app-1", "--wait"])
        #expect(stop.stdout.isEmpty && stop.stderr.contains("✓ Stopped instance app-1"), "\(stop)")
        let deleted = try world.ok(["instances", "delete", "app-1", "--yes"])
        #expect(deleted.stdout.isEmpty && deleted.stderr.contains("✓ Deleted instance app-1 (ins_"), "\(deleted)")
        _ = try world.ok(["tokens", "create", "--name", "ci", "--perm", "servers:read"])
        let revoked = try world.ok(["tokens", "revoke", "ci", "--yes"])
        #expect(revoked.stdout.isEmpty && revoked.stderr.contains("✓ Revoked token ci (tok_"), "\(revoked)")
        let created = try world.ok(["servers", "create", "--name", "web-2", "--region", "us-east", "--plan", "basic-1"])
        #expect(created.stderr.contains("✓ Created server web-2"), "\(created)")
        #expect(!created.stdout.contains("✓"), "\(created)")
    }

    // MARK: 19. the smaller things

    @Test("tokens create -q prints the secret, as documented: -q is the value a script needs")
    func quietTokenCreate() throws {
        let world = try ResourceWorld()
        let run = try world.ok(["tokens", "create", "--name", "ci", "--perm", "servers:read", "-q"])
        #expect(run.stdout.range(of: #"^nsx_live_[A-Za-z0-9]{32}\n$"#, options: .regularExpression) != nil, "\(run)")
        let help = try world.ok(["help"])
        #expect(help.stdout.contains("-q, --quiet") && help.stdout.contains("the value a script needs"), "\(help)")
        let createHelp = try world.ok(["tokens", "create", "--help"])
        let words = createHelp.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("-q prints only the token"), "\(createHelp)")
    }

    @Test("tokens rm is revoke; revoking a revoked token says so instead of ✓ Revoked")
    func revokeAgain() throws {
        let world = try ResourceWorld()
        let token = try world.object(["tokens", "create", "--name", "ci", "--perm", "servers:read"])
        let id = try #require(token["id"] as? String)
        let first = try world.ok(["tokens", "rm", id, "--yes"])
        #expect(first.stderr.contains("✓ Revoked token ci (\(id))"), "\(first)")
        let again = try world.user.nsx(["tokens", "revoke", id, "--yes"])
        #expect(again.status == 0, "\(again)")
        #expect(!again.stderr.contains("✓ Revoked"), "\(again)")
        #expect(again.stderr.contains("Token ci (\(id)) was already revoked"), "\(again)")
    }

    @Test("a base URL ending in /api/v1 gets a hint to give the host only")
    func apiURLWithPath() throws {
        let world = try ResourceWorld()
        let run = try world.user.nsx(["--api-url", world.server.url + "/api/v1", "servers", "list"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("hint: Give the server's address only, without /api/v1: \(world.server.url)\n"), "\(run)")
        let set = try world.user.nsx(["config", "set", "api_url", world.server.url + "/api/v1/"])
        #expect(set.status == 2, "\(set)")
        #expect(set.stderr.contains(world.server.url), "\(set)")
    }

    @Test("--timeout takes the durations --wait-timeout takes")
    func timeoutDurations() throws {
        let world = try ResourceWorld()
        #expect(try world.user.nsx(["--timeout", "5s", "servers", "list"]).status == 0)
        #expect(try world.user.nsx(["--timeout", "1m", "servers", "list"]).status == 0)
        #expect(try world.user.nsx(["--timeout", "90", "servers", "list"]).status == 0)
        let bad = try world.user.nsx(["--timeout", "soon", "servers", "list"])
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("a duration"), "\(bad)")
    }

    @Test("help says (repeatable) once; `nsx` alone is help and exit 0; an unknown subcommand with --help is a usage error")
    func helpEdges() throws {
        let world = try ResourceWorld()
        let help = try world.ok(["tokens", "create", "--help"])
        #expect(!help.stdout.contains("(repeatable) (repeatable)"), "\(help)")
        #expect(help.stdout.contains("(repeatable)"), "\(help)")

        let bare = try world.user.nsx([])
        #expect(bare.status == 0, "\(bare)")
        #expect(bare.stdout.contains("USAGE") && bare.stdout.contains("COMMANDS"), "\(bare)")

        for arguments in [["auth", "nosuch", "--help"], ["auth", "stauts", "--help"], ["auth", "stauts"]] {
            let run = try world.user.nsx(arguments)
            #expect(run.status == 2, "\(arguments): \(run)")
            #expect(run.stderr.contains("error: unknown command \"\(arguments[1])\" for \"nsx auth\""), "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
        }
        #expect(try world.user.nsx(["auth", "stauts", "--help"]).stderr.contains("Did you mean \"status\"?"))
    }

    @Test("auth refresh -o json prints the renewed session's facts")
    func refreshAsJSON() throws {
        let world = try ResourceWorld()
        let run = try world.ok(["auth", "refresh", "-o", "json"])
        let object = try #require(try run.json() as? [String: Any], "\(run)")
        #expect(object["profile"] as? String == "default")
        #expect(object["type"] as? String == "session")
        #expect((object["expires_at"] as? String)?.hasSuffix("Z") == true, "\(object)")
        #expect(!run.stdout.contains("eyJ"), "never the secret")
    }
}
