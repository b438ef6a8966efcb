import Foundation
import NSXKeyring
import NSXTime
import Testing
@testable import NSXCLI

@Suite("tokens create, in process")
struct TokensCreateTests {
    private func body(_ world: TokensWorld) throws -> [String: Any] {
        let post = try #require(world.cli.transport.requests.last { $0.method == "POST" })
        return try #require(try JSONSerialization.jsonObject(with: Data(post.body ?? [])) as? [String: Any])
    }

    @Test("piped: stdout is the token alone; the note is on stderr")
    func piped() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read"])
        #expect(run.status == 0, "\(run)")
        let token = try #require(world.server.all.last)
        #expect(run.stdout == token.secret + "\n")
        #expect(run.stderr.contains("Store it now: it cannot be shown again."))
        #expect(run.stderr.contains("ci (\(token.id), \(token.prefix), live): servers:read; expires never"))
        let sent = try body(world)
        #expect(sent["name"] as? String == "ci")
        #expect(sent["permissions"] as? [String] == ["servers:read"])
        #expect(sent["environment"] as? String == "live")
        #expect(sent["expires_at"] == nil)
    }

    @Test("-q prints the token alone, even on a terminal")
    func quiet() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read", "-q"], terminal: true)
        let token = try #require(world.server.all.last)
        #expect(run.stdout == token.secret + "\n")
        #expect(run.stderr == "")
    }

    @Test("on a terminal: a framed display and the warning")
    func terminal() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create", "--name", "deploy", "--perm", "servers:*,instances:actions", "--expires", "2030-01-31", "--no-color"], terminal: true)
        #expect(run.status == 0, "\(run)")
        let token = try #require(world.server.all.last)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("╭─ New API token ") == true)
        #expect(lines.last?.hasPrefix("╰") == true)
        #expect(lines.contains { $0.contains(token.secret) })
        #expect(lines.contains { $0.contains("Name") && $0.contains("deploy") })
        #expect(lines.contains { $0.contains("Environment  LIVE ") })
        #expect(lines.contains { $0.contains("Permissions") && $0.contains("servers:read servers:write instances:actions") })
        #expect(lines.contains { $0.contains("Expires") && $0.contains("2030-01-31T23:59:59Z (in ") })
        // Every line of the frame is as wide as the others.
        #expect(Set(lines.map(\.count)).count == 1, "\(run.stdout)")
        #expect(run.stderr.contains("Store it now: it cannot be shown again."))
    }

    @Test("the frame's expiry reads naturally", arguments: [
        (nil, "never"),
        ("2026-04-09T11:59:58Z", "2026-04-09T11:59:58Z (in 30 days)"),
        ("2026-03-10T12:00:20Z", "2026-03-10T12:00:20Z (in 20 seconds)"),
        ("2026-03-10T11:00:00Z", "2026-03-10T11:00:00Z (expired)"),
    ] as [(String?, String)])
    func expiryText(expiresAt: String?, expected: String) {
        let now = Timestamp(seconds: 1_773_144_000) // 2026-03-10T12:00:00Z
        #expect(NewTokenOutput.expiry(expiresAt, now: now) == expected)
    }

    @Test("long permission lists wrap inside the frame, never mid-permission")
    func wrapping() {
        #expect(NewTokenOutput.wrap(["servers:read", "servers:write", "instances:read"], width: 27) == ["servers:read servers:write", "instances:read"])
        #expect(NewTokenOutput.wrap(["instances:actions"], width: 5) == ["instances:actions"])
    }

    @Test("-o json: the token object, secret included")
    func json() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create", "--name", "ci", "--read-only", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "name", "prefix", "environment", "permissions", "created_at", "last_used_at", "expires_at", "revoked_at", "token"])
        #expect(object["token"] as? String == world.server.all.last?.secret)
        #expect(object["permissions"] as? [String] == ["servers:read", "instances:read", "backups:read", "settings:read"])
    }

    @Test("--for shows the computed set before creating; it combines with --perm")
    func forCommands() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create", "--name", "ops", "--for", "servers list", "--for", "instances restart", "--perm", "backups:read"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.hasPrefix("Permissions for servers list, instances restart: servers:read instances:read instances:actions\n"))
        #expect(try body(world)["permissions"] as? [String] == ["servers:read", "instances:read", "instances:actions", "backups:read"])
    }

    @Test("--test makes a test token; a test token makes test tokens by itself")
    func testEnvironment() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        #expect(world.run(["tokens", "create", "--name", "t", "--perm", "servers:read", "--test"]).status == 0)
        #expect(try body(world)["environment"] as? String == "test")

        let testToken = world.server.add(name: "maker", environment: "test", permissions: ["servers:read", "settings:write"])
        world.cli.environment["NSX_TOKEN"] = testToken.secret
        let run = world.run(["tokens", "create", "--name", "t2", "--perm", "servers:read"])
        #expect(run.status == 0, "\(run)")
        #expect(try body(world)["environment"] as? String == "test")
        #expect(run.stdout.hasPrefix("nsx_test_"))
    }

    @Test("--expires is sent as expires_at")
    func expires() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        #expect(world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read", "--expires", "2031-05-01T10:00:00+02:00"]).status == 0)
        #expect(try body(world)["expires_at"] as? String == "2031-05-01T08:00:00Z")
    }

    @Test("usage errors are found before any request", arguments: [
        (["--perm", "servers:read"], "--name is required"),
        (["--name", "ci"], "a token needs at least one permission"),
        (["--name", "ci", "--perm", "server:read"], "unknown permission \"server:read\"; did you mean \"servers:read\"?"),
        (["--name", "ci", "--for", "servers lst"], "unknown command \"servers lst\" in --for; did you mean \"servers list\"?"),
        (["--name", "ci", "--perm", "servers:read", "--expires", "2001-01-01"], "--expires 2001-01-01 is in the past (2001-01-01T23:59:59Z)"),
        (["--name", "ci", "--perm", "servers:read", "--save-profile", "bad name"], "\"bad name\" cannot be a profile name"),
        (["--name", "default", "--perm", "servers:read", "--save"], "--save would replace the credential of profile \"default\", the one in use"),
        (["--name", String(repeating: "x", count: 101), "--perm", "servers:read"], "--name is longer than 100 characters"),
    ])
    func usage(arguments: [String], message: String) throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create"] + arguments)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.hasPrefix("error: \(message)\n"), "\(run)")
        #expect(world.requests.isEmpty)
    }

    @Test("--save stores the token as the profile's credential and prints nothing secret")
    func save() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read,settings:read", "--save"])
        #expect(run.status == 0, "\(run)")
        let token = try #require(world.server.all.last)
        #expect(run.stdout == "")
        #expect(run.stderr == "✓ Saved token ci (\(token.id)) as profile \"ci\"\n")
        #expect(world.secret(profile: "ci") == token.secret)
        let facts = try #require(world.facts(profile: "ci"))
        #expect(facts.credentialType == .apiToken)
        #expect(facts.tokenID == token.id)
        #expect(facts.tokenName == "ci")
        #expect(facts.tokenPrefix == token.prefix)
        #expect(facts.permissions == ["servers:read", "settings:read"])
        #expect(facts.environment == .live)
        #expect(facts.apiURL == TokensFakeServer.apiURL)
        #expect(facts.email == "tester@example.com")
        // The profile in use is untouched.
        #expect(world.facts(profile: "default")?.credentialType == .session)
    }

    @Test("--save -o json prints the token object without its secret")
    func saveJSON() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read", "--save-profile", "robot", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["token"] == nil)
        #expect(object["id"] as? String == world.server.all.last?.id)
        #expect(world.secret(profile: "robot") == world.server.all.last?.secret)
    }

    @Test("--save never silently replaces a stored login; --save-profile does, and says what it held")
    func saveOverExisting() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let old = world.server.add(name: "ci", permissions: ["servers:read"])
        try world.logIn(profile: "ci", token: old)

        let refused = world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read", "--save"])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: profile \"ci\" already holds a credential\n"))
        #expect(world.requests.isEmpty)

        let replaced = world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read", "--save-profile", "ci"])
        #expect(replaced.status == 0, "\(replaced)")
        let token = try #require(world.server.all.last)
        #expect(world.secret(profile: "ci") == token.secret)
        #expect(replaced.stderr.contains("Profile \"ci\" held token \(old.id) before; it still works. Revoke it with `nsx tokens revoke \(old.id)`"))
    }

    @Test("a keyring that refuses the token: it is printed rather than lost")
    func saveFails() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        world.keyring.failWrites = true
        let run = world.run(["tokens", "create", "--name", "ci", "--perm", "servers:read", "--save"])
        #expect(run.status == 1, "\(run)")
        let token = try #require(world.server.all.last)
        #expect(run.stdout == token.secret + "\n")
        #expect(run.stderr.contains("error: created token \(token.id), but could not save it as profile \"ci\": the keyring is locked"))
        #expect(run.stderr.contains("nsx login --with-token --profile ci"))
        #expect(world.facts(profile: "ci") == nil)
    }

    @Test("a 403 names what the credential has and the exact command that would do")
    func forbidden() throws {
        let world = TokensWorld()
        let weak = world.server.add(name: "weak", permissions: ["servers:read", "settings:write"])
        world.cli.environment["NSX_TOKEN"] = weak.secret
        world.server.me = Fixtures.me(type: "api_token", permissions: weak.permissions, token: weak.json())
        world.server.fail("POST /api/v1/tokens", with: FakeTransport.json(403, #"{"success":false,"error":{"code":"FORBIDDEN","message":"Token does not have permission: servers:write"}}"#))
        let run = world.run(["tokens", "create", "--name", "big", "--perm", "servers:*"])
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.hasPrefix("error: Token does not have permission: servers:write\n"))
        // The credential's permissions come from /me, NSX_TOKEN being stored nowhere.
        #expect(run.stderr.contains("""
            hint: This credential has: servers:r settings:w.
            hint: A token that can do this: nsx tokens create --name <name> --perm servers:read,servers:write,settings:write

            """), "\(run)")
    }
}
