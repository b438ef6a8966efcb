import Foundation
import Testing

/// `nsx tokens …` against a real nsx-server, with the real keyring (scripts/with-keyring).
@Suite("nsx tokens: create")
struct TokensEndToEndTests {
    static let contractKeys: Set<String> = ["id", "name", "prefix", "environment", "permissions", "created_at", "last_used_at", "expires_at", "revoked_at"]

    @Test("TOKEN=$(nsx tokens create …) works with NSX_TOKEN for servers list, and a create is exit 4 with the fix")
    func scopedToken() throws {
        let world = try ResourceWorld()
        let created = try world.ok(["tokens", "create", "--name", "ci", "--perm", "servers:read"])
        #expect(created.stdout.range(of: #"^nsx_live_[A-Za-z0-9]{32}\n$"#, options: .regularExpression) != nil, "\(created)")
        #expect(created.stderr.contains("Store it now: it cannot be shown again."))
        #expect(created.stderr.contains("ci (tok_"))
        #expect(created.stderr.contains("servers:read"))
        let token = created.stdout.trimmingCharacters(in: .newlines)
        let env = ["NSX_TOKEN": token]

        _ = try world.createServer("web-1")
        let listed = try world.user.nsx(["servers", "list", "-q"], extraEnvironment: env)
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.stdout.split(separator: "\n").count == 1)

        let denied = try world.user.nsx(["servers", "create", "--name", "web-2", "--region", "us-east", "--plan", "basic-1"], extraEnvironment: env)
        #expect(denied.status == 4, "\(denied)")
        #expect(denied.stderr.contains("error: Token does not have permission: servers:write"))
        #expect(denied.stderr.contains("This credential has: servers:r."))
        #expect(denied.stderr.contains("A token that can do this: nsx tokens create --name <name> --perm servers:read,servers:write"))

        // The secret is nowhere in the config folder.
        for file in world.user.configFiles() {
            #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(token), "\(file.path)")
        }
    }

    @Test("wildcards, comma lists, --read-only and --for, in canonical order without duplicates")
    func permissionWords() throws {
        let world = try ResourceWorld()
        let wild = try world.object(["tokens", "create", "--name", "w", "--perm", "*:read,servers:*", "--perm", "servers:read"])
        #expect(wild["permissions"] as? [String] == ["servers:read", "servers:write", "instances:read", "backups:read", "settings:read"])

        let readOnly = try world.object(["tokens", "create", "--name", "r", "--read-only"])
        #expect(readOnly["permissions"] as? [String] == ["servers:read", "instances:read", "backups:read", "settings:read"])

        let forRun = try world.ok(["tokens", "create", "--name", "f", "--for", "servers list", "--for", "instances restart", "-o", "json"])
        #expect(forRun.stderr.contains("Permissions for servers list, instances restart: servers:read instances:read instances:actions"))
        let forToken = try #require(try forRun.json() as? [String: Any])
        #expect(forToken["permissions"] as? [String] == ["servers:read", "instances:read", "instances:actions"])
        #expect(Set(forToken.keys) == Self.contractKeys.union(["token"]))

        // The --for token can do exactly what it was made for.
        let env = ["NSX_TOKEN": try #require(forToken["token"] as? String)]
        let serverID = try world.createServer("web-1")
        let instanceID = try world.createInstance("app-1", server: serverID)
        try world.ok(["instances", "start", instanceID, "--wait"])
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: env).status == 0)
        let restarted = try world.user.nsx(["instances", "restart", "app-1", "--wait"], extraEnvironment: env)
        #expect(restarted.status == 0, "\(restarted)")
        #expect(try world.user.nsx(["backups", "list"], extraEnvironment: env).status == 4)
    }

    @Test("an unknown permission is exit 2 naming the closest one, and makes nothing")
    func unknownPermission() throws {
        let world = try ResourceWorld()
        let run = try world.user.nsx(["tokens", "create", "--name", "ci", "--perm", "server:read"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("unknown permission \"server:read\"; did you mean \"servers:read\"?"))
        let unknownCommand = try world.user.nsx(["tokens", "create", "--name", "ci", "--for", "servers lst"])
        #expect(unknownCommand.status == 2)
        #expect(unknownCommand.stderr.contains("did you mean \"servers list\"?"))
        #expect(try world.array(["tokens", "list"]).isEmpty)
    }

    @Test("a --test token (nsx_test_…) sees only test resources")
    func testToken() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("live-1")
        try world.ok(["servers", "create", "--name", "test-1", "--region", "us-east", "--plan", "basic-1", "--test"])
        let created = try world.ok(["tokens", "create", "--name", "sandbox", "--perm", "servers:read", "--test"])
        #expect(created.stdout.range(of: #"^nsx_test_[A-Za-z0-9]{32}\n$"#, options: .regularExpression) != nil, "\(created)")
        let env = ["NSX_TOKEN": created.stdout.trimmingCharacters(in: .newlines)]
        let servers = try world.array(["servers", "list"], extraEnvironment: env)
        #expect(servers.compactMap { $0["name"] as? String } == ["test-1"])

        let tokens = try world.array(["tokens", "list", "--env", "test"])
        #expect(tokens.compactMap { $0["name"] as? String } == ["sandbox"])
        #expect(tokens.first?["environment"] as? String == "test")
        #expect(try world.array(["tokens", "list", "--env", "live"]).isEmpty)
    }

    @Test("expiry is honoured by the server: the token works, then is refused (exit 3)")
    func expiry() throws {
        let world = try ResourceWorld()
        let created = try world.object(["tokens", "create", "--name", "brief", "--perm", "servers:read", "--expires", "20s"])
        let expiresAt = try #require(created["expires_at"] as? String)
        let expiry = try #require(ISO8601DateFormatter().date(from: expiresAt))
        #expect(expiry > Date())
        let env = ["NSX_TOKEN": try #require(created["token"] as? String)]
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: env).status == 0)

        // Poll until the server refuses it (bounded only so a server that never expires it ends the test).
        var last = try world.user.nsx(["servers", "list"], extraEnvironment: env)
        for _ in 0..<600 where last.status == 0 {
            Thread.sleep(forTimeInterval: 0.5)
            last = try world.user.nsx(["servers", "list"], extraEnvironment: env)
        }
        #expect(last.status == 3, "\(last)")
        #expect(last.stderr.contains("Invalid or missing authentication token"))
        #expect(Date() >= expiry)
    }

    @Test("a token cannot mint a broader one: exit 4 with the server's message")
    func noEscalation() throws {
        let world = try ResourceWorld()
        let maker = try world.ok(["tokens", "create", "--name", "maker", "--perm", "servers:read,settings:write"])
        let env = ["NSX_TOKEN": maker.stdout.trimmingCharacters(in: .newlines)]
        let broader = try world.user.nsx(["tokens", "create", "--name", "big", "--perm", "servers:*"], extraEnvironment: env)
        #expect(broader.status == 4, "\(broader)")
        #expect(broader.stderr.contains("error: Token does not have permission: servers:write"))
        #expect(broader.stderr.contains("This credential has: servers:r settings:w."))
        let narrower = try world.user.nsx(["tokens", "create", "--name", "small", "--perm", "servers:read"], extraEnvironment: env)
        #expect(narrower.status == 0, "\(narrower)")

        let outliving = try world.ok(["tokens", "create", "--name", "short", "--perm", "servers:read,settings:write", "--expires", "1h"])
        let shortEnv = ["NSX_TOKEN": outliving.stdout.trimmingCharacters(in: .newlines)]
        let longer = try world.user.nsx(["tokens", "create", "--name", "long", "--perm", "servers:read"], extraEnvironment: shortEnv)
        #expect(longer.status == 4, "\(longer)")
        #expect(longer.stderr.contains("Token cannot create a token that outlives it"))
    }

    @Test("--save keeps the token in the keyring as a profile; nothing secret is printed")
    func save() throws {
        let world = try ResourceWorld()
        let saved = try world.ok(["tokens", "create", "--name", "robot", "--perm", "servers:read", "--save"])
        #expect(saved.stdout.isEmpty)
        #expect(saved.stderr.contains("✓ Saved token robot (tok_"))
        #expect(saved.stderr.contains("as profile \"robot\""))
        let secret = try Keyring.lookup(profile: "robot", apiURL: world.server.url)
        #expect(secret.range(of: #"^nsx_live_[A-Za-z0-9]{32}$"#, options: .regularExpression) != nil)
        #expect(!saved.stderr.contains(secret))
        try world.ok(["servers", "list", "--profile", "robot"])
        let denied = try world.user.nsx(["servers", "create", "--name", "x", "--region", "us-east", "--plan", "basic-1", "--profile", "robot"])
        #expect(denied.status == 4)
        #expect(denied.stderr.contains("This credential has: servers:r."))

        // Saving over a stored login needs the profile named outright.
        let again = try world.user.nsx(["tokens", "create", "--name", "robot", "--perm", "servers:read", "--save"])
        #expect(again.status == 2, "\(again)")
        #expect(try Keyring.lookup(profile: "robot", apiURL: world.server.url) == secret)
    }

    @Test("on a terminal: the framed display")
    func framed() throws {
        let world = try ResourceWorld()
        let run = try world.user.onTerminal(["tokens", "create", "--name", "ci", "--perm", "servers:read", "--no-color"], columns: 200)
        #expect(run.status == 0, "\(run)")
        #expect(run.text.contains("╭─ New API token"))
        #expect(run.text.range(of: #"│  nsx_live_[A-Za-z0-9]{32} +│"#, options: .regularExpression) != nil, "\(run)")
        #expect(run.text.contains("Permissions  servers:read"))
        #expect(run.text.contains("Store it now: it cannot be shown again."))
    }
}

/// The Secret Service as another program sees it (libsecret's secret-tool).
enum Keyring {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The secret nsx stored for `profile` at `apiURL`; throws when there is none.
    static func lookup(profile: String, apiURL: String) throws -> String {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/secret-tool"), ["lookup", "profile", profile, "api_url", apiURL],
                                    environment: ProcessInfo.processInfo.environment)
        guard result.status == 0, !result.stdout.isEmpty else {
            throw Missing(description: "no keyring item for profile \(profile) at \(apiURL): \(result)")
        }
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    static func has(profile: String, apiURL: String) throws -> Bool {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/secret-tool"), ["lookup", "profile", profile, "api_url", apiURL],
                                    environment: ProcessInfo.processInfo.environment)
        return result.status == 0 && !result.stdout.isEmpty
    }
}
