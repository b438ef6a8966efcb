import Foundation
import NSXKeyring
import NSXTime
import Testing
@testable import NSXCLI

@Suite("tokens rotate, in process")
struct TokensRotateTests {
    @Test("a new token with the same name, permissions and environment; the old one revoked after")
    func unstored() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let old = world.server.add(name: "ci", environment: "test", permissions: ["backups:read", "servers:read"])
        let run = world.run(["tokens", "rotate", "ci", "--yes"])
        #expect(run.status == 0, "\(run)")
        let new = try #require(world.server.all.last)
        #expect(new.id != old.id)
        #expect(new.name == "ci")
        #expect(new.environment == "test")
        #expect(new.permissions == ["servers:read", "backups:read"])
        #expect(new.expiresAt == nil)
        #expect(run.stdout == new.secret + "\n")
        #expect(run.stderr.contains("Store it now"))
        #expect(run.stderr.contains("✓ Revoked the old token ci (\(old.id))"))
        #expect(world.requests.suffix(2) == ["POST /api/v1/tokens", "DELETE /api/v1/tokens/\(old.id)"])
    }

    @Test("a stored token is replaced in the keyring first, then revoked; nothing secret is printed")
    func stored() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let old = world.server.add(name: "ci", permissions: ["servers:read"])
        try world.logIn(profile: "ci", token: old)
        let run = world.run(["tokens", "rotate", old.id, "--yes"])
        #expect(run.status == 0, "\(run)")
        let new = try #require(world.server.all.last)
        let events = world.server.events
        let stored = try #require(events.firstIndex(of: "keyring write ci"))
        let revoked = try #require(events.firstIndex(of: "DELETE /api/v1/tokens/\(old.id)"))
        #expect(stored < revoked)
        #expect(world.secret(profile: "ci") == new.secret)
        #expect(world.facts(profile: "ci")?.tokenID == new.id)
        #expect(world.facts(profile: "ci")?.tokenPrefix == new.prefix)
        #expect(run.stdout == "")
        #expect(!run.stderr.contains(new.secret))
        #expect(run.stderr.contains("Rotated token ci: profile \"ci\" now holds \(new.id) (\(new.prefix))"))
    }

    @Test("the keyring refuses the new token: it is printed, and the old one keeps working")
    func keyringFails() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let old = world.server.add(name: "ci", permissions: ["servers:read"])
        try world.logIn(profile: "ci", token: old)
        world.keyring.failWrites = true
        let run = world.run(["tokens", "rotate", "ci", "--yes"])
        #expect(run.status == 1, "\(run)")
        let new = try #require(world.server.all.last)
        #expect(run.stdout == new.secret + "\n")
        #expect(!world.requests.contains { $0.hasPrefix("DELETE") })
        #expect(world.secret(profile: "ci") == old.secret)
        #expect(run.stderr.contains("error: created the new token \(new.id), but could not store it in profile \"ci\": the keyring is locked"))
        #expect(run.stderr.contains("The old token \(old.id) still works and was NOT revoked"))
        #expect(run.stderr.contains("nsx tokens revoke \(old.id)"))
    }

    @Test("the old token cannot be revoked: say so, with the command that finishes the job")
    func revokeFails() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let old = world.server.add(name: "ci", permissions: ["servers:read"])
        world.server.fail("DELETE /api/v1/tokens", with: FakeTransport.json(500, #"{"success":false,"error":{"code":"INTERNAL_ERROR","message":"Internal server error"}}"#))
        let run = world.run(["tokens", "rotate", "ci", "--yes"])
        #expect(run.status == 1, "\(run)")
        let new = try #require(world.server.all.last)
        #expect(run.stdout == new.secret + "\n")
        #expect(run.stderr.contains("error: created the new token \(new.id), but could not revoke the old token \(old.id): Internal server error"))
        #expect(run.stderr.contains("hint: The old token still works. Revoke it with: nsx tokens revoke \(old.id)"))
    }

    @Test("without a terminal --yes is needed; nothing is created")
    func needsYes() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        world.server.add(name: "ci", permissions: ["servers:read"])
        let run = world.run(["tokens", "rotate", "ci"])
        #expect(run.status == 2)
        #expect(world.requests.isEmpty)
    }

    @Test("on a terminal it asks, naming the token and the profiles it lives in")
    func asks() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let old = world.server.add(name: "ci", permissions: ["servers:read"])
        try world.logIn(profile: "robot", token: old)
        let run = world.run(["tokens", "rotate", "ci"], terminal: true, answers: ["no"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Rotate token ci (\(old.prefix), \(old.id))? It is revoked once its replacement exists. The new one takes its place in profile \"robot\". [y/N]"))
        #expect(!world.requests.contains { $0.hasPrefix("POST") })
    }

    @Test("a revoked token has nothing to rotate")
    func revoked() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let old = world.server.add(name: "ci", permissions: ["servers:read"])
        #expect(world.run(["tokens", "revoke", old.id, "--yes"]).status == 0)
        let run = world.run(["tokens", "rotate", old.id, "--yes"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("there is nothing to rotate"))
    }

    @Test("the same lifetime from now, capped by the creating credential", arguments: [
        // created, expires, creator expires, expected, capped
        ("2026-01-01T00:00:00Z", nil, nil, nil, false),
        ("2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z", nil, "2026-04-09T12:00:00Z", false),
        ("2026-03-10T00:00:00Z", "2026-03-10T12:00:00Z", "2026-06-01T00:00:00Z", "2026-03-11T00:00:00Z", false),
        ("2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z", "2026-03-20T00:00:00Z", "2026-03-20T00:00:00Z", true),
        ("2026-01-01T00:00:00Z", nil, "2026-03-20T00:00:00Z", "2026-03-20T00:00:00Z", true),
    ] as [(String, String?, String?, String?, Bool)])
    func lifetime(created: String, expires: String?, creator: String?, expected: String?, capped: Bool) {
        let now = Timestamp(seconds: 1_773_144_000) // 2026-03-10T12:00:00Z
        let lifetime = TokensRotate.Lifetime.renewed(createdAt: created, expiresAt: expires, creatorExpiresAt: creator, now: now)
        #expect(lifetime == TokensRotate.Lifetime(expiresAt: expected, capped: capped))
    }

    @Test("--expires: the moment given, or never, still capped by the creating credential", arguments: [
        // given, creator expires, expected, capped
        ("2026-06-01T00:00:00Z", nil, "2026-06-01T00:00:00Z", false),
        (nil, nil, nil, false),
        ("2026-06-01T00:00:00Z", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z", true),
        (nil, "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z", true),
        ("2026-03-20T00:00:00Z", "2026-04-01T00:00:00Z", "2026-03-20T00:00:00Z", false),
    ] as [(String?, String?, String?, Bool)])
    func chosenLifetime(given: String?, creator: String?, expected: String?, capped: Bool) {
        #expect(TokensRotate.Lifetime.chosen(given, creatorExpiresAt: creator) == TokensRotate.Lifetime(expiresAt: expected, capped: capped))
    }

    @Test("the rotated token gets the same lifetime")
    func lifetimeSent() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        world.server.add(name: "ci", permissions: ["servers:read"], createdAt: "2026-01-01T00:00:00Z", expiresAt: "2026-01-31T00:00:00Z")
        let before = WallClock.system.now()
        #expect(world.run(["tokens", "rotate", "ci", "--yes"]).status == 0)
        let expiry = try #require(world.server.all.last?.expiresAt.flatMap(Timestamp.init(rfc3339:)))
        let thirtyDays = 30 * 86400
        #expect((expiry - before).wholeSeconds >= thirtyDays - 1)
        #expect((expiry - WallClock.system.now()).wholeSeconds <= thirtyDays + 1)
    }
}
