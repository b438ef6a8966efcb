import Foundation
import Testing

/// `nsx tokens list|show|revoke|rotate` against a real nsx-server with the real keyring.
@Suite("nsx tokens: list, show, revoke, rotate")
struct TokensManageEndToEndTests {
    static let contractKeys = TokensEndToEndTests.contractKeys

    /// Creates a token through nsx (piped) and returns its secret.
    private func mint(_ world: ResourceWorld, _ name: String, _ permissions: String, extra: [String] = []) throws -> String {
        try world.ok(["tokens", "create", "--name", name, "--perm", permissions] + extra).stdout.trimmingCharacters(in: .newlines)
    }

    @Test("list, show and JSON carry exactly the contract's keys; tables are compact")
    func listAndShow() throws {
        let world = try ResourceWorld()
        _ = try mint(world, "ops", "servers:*,instances:read,instances:actions")
        _ = try mint(world, "audit", "*:read", extra: ["--expires", "2099-12-31"])

        // Oldest first; tokens made in the same second are ordered by ID.
        let items = try world.array(["tokens", "list"])
        #expect(Set(items.compactMap { $0["name"] as? String }) == ["ops", "audit"])
        for item in items { #expect(Set(item.keys) == Self.contractKeys) }
        let ops = try #require(items.first { $0["name"] as? String == "ops" })
        let audit = try #require(items.first { $0["name"] as? String == "audit" })
        #expect(ops["permissions"] as? [String] == ["servers:read", "servers:write", "instances:read", "instances:actions"])
        #expect(ops["expires_at"] is NSNull)
        #expect(audit["expires_at"] as? String == "2099-12-31T23:59:59Z")

        let table = try world.ok(["tokens", "list"])
        let lines = table.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines.first == ["ID", "NAME", "PREFIX", "ENV", "PERMISSIONS", "LAST", "USED", "EXPIRES", "CREATED"])
        #expect(lines.count == 3)
        let opsRow = try #require(lines.first { $0.contains("ops") })
        #expect(opsRow.prefix(8) == ["\(ops["id"]!)", "ops", "\(ops["prefix"]!)", "live", "servers:rw", "instances:r+actions", "never", "never"])
        let auditRow = try #require(lines.first { $0.contains("audit") })
        #expect(auditRow.prefix(10) == ["\(audit["id"]!)", "audit", "\(audit["prefix"]!)", "live", "servers:r", "instances:r", "backups:r", "settings:r", "never", "2099-12-31T23:59:59Z"])

        let shown = try world.object(["tokens", "show", "ops"])
        #expect(Set(shown.keys) == Self.contractKeys)
        #expect(shown["id"] as? String == ops["id"] as? String)
        let byID = try world.object(["tokens", "show", try #require(audit["id"] as? String)])
        #expect(byID["name"] as? String == "audit")

        let csv = parseCSV(try world.ok(["tokens", "list", "-o", "csv"]).stdout)
        #expect(csv.first == ["id", "name", "prefix", "environment", "permissions", "last_used_at", "expires_at", "created_at"])
        #expect(csv.dropFirst().contains { $0[1] == "ops" && $0[4] == "servers:read servers:write instances:read instances:actions" })
    }

    @Test("on a terminal, the token in use is marked")
    func marker() throws {
        let world = try ResourceWorld()
        let secret = try mint(world, "admin", "settings:read,settings:write")
        _ = try mint(world, "other", "servers:read")
        try world.ok(["login", "--with-token", "--profile", "admin"], stdin: secret + "\n")
        let run = try world.onTerminal(["tokens", "list", "--profile", "admin", "--no-color"])
        #expect(run.status == 0, "\(run)")
        // script(1) ends lines with \r\n, which Swift reads as one Character.
        let rows = run.stdout.split(whereSeparator: \.isNewline).map(String.init).filter { $0.contains("tok_") }
        #expect(rows.count == 2, "\(run)")
        #expect(rows.first { $0.contains("admin") }?.hasPrefix("*") == true, "\(run)")
        #expect(rows.first { $0.contains("other") }?.hasPrefix(" ") == true, "\(run)")
    }

    @Test("revoke: the token fails on its very next use (exit 3); --include-revoked shows it")
    func revoke() throws {
        let world = try ResourceWorld()
        let secret = try mint(world, "ci", "servers:read")
        let env = ["NSX_TOKEN": secret]
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: env).status == 0)

        let revoked = try world.object(["tokens", "revoke", "ci", "--yes"])
        #expect(Set(revoked.keys) == Self.contractKeys)
        #expect(revoked["revoked_at"] as? String != nil)

        let next = try world.user.nsx(["servers", "list"], extraEnvironment: env)
        #expect(next.status == 3, "\(next)")
        #expect(next.stderr.contains("Invalid or missing authentication token"))

        #expect(try world.array(["tokens", "list"]).isEmpty)
        let all = try world.array(["tokens", "list", "--include-revoked"])
        #expect(all.count == 1)
        #expect(all.first?["revoked_at"] as? String == revoked["revoked_at"] as? String)
        // Names match active tokens only.
        #expect(try world.user.nsx(["tokens", "show", "ci"]).status == 5)
    }

    @Test("without a terminal, revoke needs --yes: exit 2 and the token still works")
    func revokeNeedsYes() throws {
        let world = try ResourceWorld()
        let secret = try mint(world, "ci", "servers:read")
        let refused = try world.user.nsx(["tokens", "revoke", "ci"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("needs confirmation"))
        #expect(refused.stderr.contains("--yes"))
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": secret]).status == 0)
    }

    @Test("on a terminal, revoke asks showing name and prefix")
    func revokeAsks() throws {
        let world = try ResourceWorld()
        let secret = try mint(world, "ci", "servers:read")
        let prefix = String(secret.prefix(13))
        let declined = try world.onTerminal(["tokens", "revoke", "ci"], input: "n\n")
        #expect(declined.status == 1, "\(declined)")
        #expect(declined.stdout.contains("Revoke token ci (\(prefix), tok_"))
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": secret]).status == 0)
        let accepted = try world.onTerminal(["tokens", "revoke", "ci"], input: "y\n")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": secret]).status == 3)
    }

    @Test("several at once: one result each, the first failure's exit code")
    func revokeSeveral() throws {
        let world = try ResourceWorld()
        let a = try mint(world, "a", "servers:read")
        let b = try mint(world, "b", "servers:read")
        let run = try world.user.nsx(["tokens", "revoke", "a", "ghost", "b", "--yes"])
        #expect(run.status == 5, "\(run)")
        #expect(run.stdout.contains("Revoked token a (tok_"))
        #expect(run.stdout.contains("Revoked token b (tok_"))
        #expect(run.stderr.contains("ghost: no token named \"ghost\""))
        for secret in [a, b] {
            #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": secret]).status == 3)
        }
    }

    @Test("revoking the credential nsx uses warns and removes it from the keyring and the profile")
    func revokeSelf() throws {
        let world = try ResourceWorld()
        let secret = try mint(world, "self", "settings:read,settings:write")
        try world.ok(["login", "--with-token", "--profile", "robot"], stdin: secret + "\n")
        #expect(try Keyring.lookup(profile: "robot", apiURL: world.server.url) == secret)

        let run = try world.user.nsx(["tokens", "revoke", "self", "--yes", "--profile", "robot"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("was the credential of profile \"robot\", which nsx is using; it is removed from the keyring"))
        #expect(try Keyring.has(profile: "robot", apiURL: world.server.url) == false)
        let config = try String(contentsOf: world.user.configDir.appendingPathComponent("config.json"), encoding: .utf8)
        #expect(!config.contains("\"robot\""))
        #expect(try world.user.nsx(["servers", "list", "--profile", "robot"]).status == 3)
        // The session profile is untouched.
        try world.ok(["tokens", "list"])
    }

    @Test("rotate: the old token is rejected, the new one works, and the keyring holds the new one")
    func rotate() throws {
        let world = try ResourceWorld()
        let old = try mint(world, "ci", "servers:read,backups:read", extra: ["--expires", "30d"])
        try world.ok(["login", "--with-token", "--profile", "ci"], stdin: old + "\n")
        let before = try world.object(["tokens", "show", "ci"])

        let run = try world.ok(["tokens", "rotate", "ci", "--yes"])
        #expect(run.stdout.isEmpty, "nothing secret when the token lives in a profile: \(run)")
        #expect(run.stderr.contains("Rotated token ci: profile \"ci\" now holds tok_"))
        #expect(run.stderr.contains("Revoked the old token ci (\(before["id"]!))"))

        let new = try Keyring.lookup(profile: "ci", apiURL: world.server.url)
        #expect(new != old)
        #expect(new.range(of: #"^nsx_live_[A-Za-z0-9]{32}$"#, options: .regularExpression) != nil)
        #expect(!run.stderr.contains(new))

        let rejected = try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": old])
        #expect(rejected.status == 3, "\(rejected)")
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": new]).status == 0)
        try world.ok(["backups", "list", "--profile", "ci"])

        let after = try world.object(["tokens", "show", "ci"])
        #expect(after["id"] as? String != before["id"] as? String)
        #expect(after["permissions"] as? [String] == ["servers:read", "backups:read"])
        #expect(after["environment"] as? String == "live")
        let formatter = ISO8601DateFormatter()
        let oldLifetime = try #require(formatter.date(from: before["expires_at"] as! String))
            .timeIntervalSince(try #require(formatter.date(from: before["created_at"] as! String)))
        let newLifetime = try #require(formatter.date(from: after["expires_at"] as! String))
            .timeIntervalSince(try #require(formatter.date(from: after["created_at"] as! String)))
        #expect(abs(newLifetime - oldLifetime) <= 2)
        let auth = try world.object(["auth", "status", "--profile", "ci"])
        #expect((auth["token"] as? [String: Any])?["id"] as? String == after["id"] as? String)
    }

    @Test("rotating the credential nsx itself uses: the profile keeps working with the new one")
    func rotateSelf() throws {
        let world = try ResourceWorld()
        let old = try mint(world, "admin", "servers:read,settings:read,settings:write")
        try world.ok(["login", "--with-token", "--profile", "admin"], stdin: old + "\n")
        let run = try world.ok(["tokens", "rotate", "admin", "--yes", "--profile", "admin"])
        #expect(run.stdout.isEmpty, "\(run)")
        let new = try Keyring.lookup(profile: "admin", apiURL: world.server.url)
        #expect(new != old)
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": old]).status == 3)
        try world.ok(["servers", "list", "--profile", "admin"])
        let listed = try world.array(["tokens", "list", "--profile", "admin"])
        #expect(listed.compactMap { $0["name"] as? String } == ["admin"])
    }

    @Test("rotate a token kept nowhere: the new one is printed once, piped alone")
    func rotatePrinted() throws {
        let world = try ResourceWorld()
        let old = try mint(world, "loose", "servers:read", extra: ["--test"])
        let run = try world.ok(["tokens", "rotate", "loose", "--yes"])
        #expect(run.stdout.range(of: #"^nsx_test_[A-Za-z0-9]{32}\n$"#, options: .regularExpression) != nil, "\(run)")
        #expect(run.stderr.contains("Store it now"))
        let new = run.stdout.trimmingCharacters(in: .newlines)
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": old]).status == 3)
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": new]).status == 0)
        let refused = try world.user.nsx(["tokens", "rotate", "loose"])
        #expect(refused.status == 2, "\(refused)")
    }

    @Test("rotate --expires gives the replacement a new end (or none, with never), as audit's no-expiry fix needs")
    func rotateWithExpiry() throws {
        let world = try ResourceWorld()
        _ = try mint(world, "forever", "servers:read")
        let formatter = ISO8601DateFormatter()
        try world.ok(["tokens", "rotate", "forever", "--expires", "2099-01-31", "--yes"])
        let dated = try world.object(["tokens", "show", "forever"])
        #expect(dated["expires_at"] as? String == "2099-01-31T23:59:59Z", "\(dated)")

        try world.ok(["tokens", "rotate", "forever", "--expires", "30d", "--yes"])
        let month = try world.object(["tokens", "show", "forever"])
        let expiresAt = try #require(formatter.date(from: month["expires_at"] as? String ?? ""))
        let createdAt = try #require(formatter.date(from: month["created_at"] as? String ?? ""))
        let lifetime = expiresAt.timeIntervalSince(createdAt)
        #expect(abs(lifetime - 30 * 86_400) <= 5, "\(month)")

        try world.ok(["tokens", "rotate", "forever", "--expires", "never", "--yes"])
        #expect(try world.object(["tokens", "show", "forever"])["expires_at"] is NSNull)

        // A bad --expires is a usage error before anything is made or revoked.
        let before = try world.object(["tokens", "show", "forever"])["id"] as? String
        let bad = try world.user.nsx(["tokens", "rotate", "forever", "--expires", "30", "--yes"])
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.hasPrefix("error: --expires 30 needs a unit, e.g. 30d for days or 30h for hours\n"), "\(bad)")
        #expect(try world.object(["tokens", "show", "forever"])["id"] as? String == before)
        #expect(try world.array(["tokens", "list", "--name", "forever"]).count == 1)
    }
}
