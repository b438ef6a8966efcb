import Foundation
import NSXKeyring
import Testing
@testable import NSXCLI

@Suite("tokens list, show and revoke, in process")
struct TokensManageTests {
    static let contractKeys: Set<String> = ["id", "name", "prefix", "environment", "permissions", "created_at", "last_used_at", "expires_at", "revoked_at"]

    @Test("list piped: every column, permissions compact, never for no expiry or use")
    func listTable() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let token = world.server.add(name: "ops", permissions: ["instances:actions", "servers:read", "servers:write", "instances:read"])
        let run = world.run(["tokens", "list"])
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines == [
            "ID NAME PREFIX ENV PERMISSIONS LAST USED EXPIRES CREATED",
            "\(token.id) ops \(token.prefix) live servers:rw instances:r+actions never never 2026-01-01T00:00:00Z",
        ])
    }

    @Test("list -o json: the API's objects, full permissions, exactly the contract's keys")
    func listJSON() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        world.server.add(name: "a", permissions: ["servers:read", "servers:write"])
        world.server.add(name: "b", environment: "test", permissions: ["backups:read"])
        let run = world.run(["tokens", "list", "-o", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        for item in items { #expect(Set(item.keys) == Self.contractKeys) }
        #expect(items[0]["permissions"] as? [String] == ["servers:read", "servers:write"])
    }

    @Test("--env, --test and --include-revoked become the API's filters")
    func filters() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        _ = world.run(["tokens", "list", "--env", "live"])
        _ = world.run(["tokens", "list", "--test"])
        _ = world.run(["tokens", "list", "--test", "--env", "live", "--include-revoked"])
        let urls = world.cli.transport.requests.filter { $0.url.contains("/api/v1/tokens") }.map(\.url)
        #expect(urls.count == 3)
        #expect(urls[0].hasSuffix("/api/v1/tokens?environment=live"))
        #expect(urls[1].hasSuffix("/api/v1/tokens?environment=test"))
        #expect(urls[2].hasSuffix("/api/v1/tokens?environment=live&include_revoked=true"))
    }

    @Test("--include-revoked adds the REVOKED column")
    func revokedColumn() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let run = world.run(["tokens", "list", "--include-revoked"])
        #expect(run.stdout == "")
        #expect(run.stderr == "No tokens found.\n")
        world.server.add(name: "x", permissions: ["servers:read"])
        let listed = world.run(["tokens", "list", "--include-revoked"])
        #expect(listed.stdout.hasPrefix("ID"))
        let header = listed.stdout.split(separator: "\n").first?.split(separator: " ").map(String.init) ?? []
        #expect(header.suffix(2) == ["CREATED", "REVOKED"], "\(listed)")
    }

    @Test("on a terminal the token in use is marked with *")
    func marker() throws {
        let world = TokensWorld()
        let mine = world.server.add(name: "mine", permissions: ["settings:read"])
        let other = world.server.add(name: "other", permissions: ["servers:read"])
        try world.logIn(profile: "default", token: mine)
        let run = world.run(["tokens", "list", "--no-color"], terminal: true)
        #expect(run.status == 0, "\(run)")
        let rows = run.stdout.split(separator: "\n").map(String.init)
        try #require(rows.count == 3, "\(run)")
        #expect(rows[1].hasPrefix("*  \(mine.id)"))
        #expect(rows[2].hasPrefix("   \(other.id)"))
        // Piped, there is no marker column.
        #expect(world.run(["tokens", "list"]).stdout.hasPrefix("ID"))
    }

    @Test("with NSX_TOKEN the token in use is learnt from /api/v1/me")
    func markerFromMe() throws {
        let world = TokensWorld()
        let mine = world.server.add(name: "mine", permissions: ["settings:read"])
        world.cli.environment["NSX_TOKEN"] = mine.secret
        world.server.me = Fixtures.me(type: "api_token", permissions: mine.permissions, token: mine.json())
        let run = world.run(["tokens", "list", "--no-color"], terminal: true)
        let rows = run.stdout.split(separator: "\n")
        #expect(rows.count == 2, "\(run)")
        #expect(rows.last?.hasPrefix("*  \(mine.id)") == true, "\(run)")
    }

    @Test("show by name and by ID; names match active tokens only")
    func show() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let token = world.server.add(name: "ci", permissions: ["servers:read"])
        let byName = world.run(["tokens", "show", "ci", "-o", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(byName.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Self.contractKeys)
        #expect(object["id"] as? String == token.id)
        let table = world.run(["tokens", "show", token.id])
        #expect(table.stdout.contains("expires_at:"))
        #expect(table.stdout.contains("never"))

        #expect(world.run(["tokens", "revoke", token.id, "--yes"]).status == 0)
        let gone = world.run(["tokens", "show", "ci"])
        #expect(gone.status == 5)
        #expect(gone.stderr.hasPrefix("error: no token named \"ci\""))
        #expect(world.run(["tokens", "show", token.id]).status == 0)
    }

    @Test("revoke without a terminal and without --yes: exit 2 and not one request")
    func revokeNeedsYes() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let token = world.server.add(name: "ci", permissions: ["servers:read"])
        let run = world.run(["tokens", "revoke", "ci"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: nsx tokens revoke needs confirmation, and there is no terminal to ask on\n"))
        #expect(world.requests.isEmpty)
        #expect(world.server.all.first { $0.id == token.id }?.revokedAt == nil)
    }

    @Test("on a terminal the question shows name and prefix; no keeps the token")
    func revokeAsks() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let token = world.server.add(name: "ci", permissions: ["servers:read"])
        let declined = world.run(["tokens", "revoke", "ci"], terminal: true, answers: ["n"])
        #expect(declined.status == 1)
        #expect(declined.stderr.contains("Revoke token ci (\(token.prefix), \(token.id))? It stops working at once. [y/N]"))
        #expect(!world.requests.contains { $0.hasPrefix("DELETE") })

        let accepted = world.run(["tokens", "revoke", "ci", "--no-color"], terminal: true, answers: ["y"])
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stdout.isEmpty, "stdout carries data only")
        #expect(accepted.stderr.hasSuffix("✓ Revoked token ci (\(token.id))\n"), "\(accepted)")
        #expect(world.server.all.first { $0.id == token.id }?.revokedAt != nil)
    }

    @Test("several at once: one result each, JSON the token objects, the exit code of the first failure")
    func revokeSeveral() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let a = world.server.add(name: "a", permissions: ["servers:read"])
        let b = world.server.add(name: "b", permissions: ["servers:read"])
        let run = world.run(["tokens", "revoke", "a", "nope", b.id, "--yes", "-o", "json"])
        #expect(run.status == 5, "\(run)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items[0]["id"] as? String == a.id)
        #expect(items[0]["revoked_at"] as? String != nil)
        #expect(items[1]["id"] as? String == "nope")
        #expect((items[1]["error"] as? [String: Any])?["code"] as? String == "NOT_FOUND")
        #expect(items[2]["id"] as? String == b.id)
    }

    @Test("revoking the credential in use: it goes last, and leaves the keyring and the profile")
    func revokeSelf() throws {
        let world = TokensWorld()
        let mine = world.server.add(name: "mine", permissions: ["settings:read", "settings:write"])
        let other = world.server.add(name: "other", permissions: ["servers:read"])
        try world.logIn(profile: "default", token: mine)
        let run = world.run(["tokens", "revoke", "mine", "other", "--yes"])
        #expect(run.status == 0, "\(run)")
        let deletes = world.requests.filter { $0.hasPrefix("DELETE") }
        #expect(deletes == ["DELETE /api/v1/tokens/\(other.id)", "DELETE /api/v1/tokens/\(mine.id)"])
        #expect(run.stderr.contains("mine (\(mine.id)) was the credential of profile \"default\", which nsx is using; it is removed from the keyring."))
        #expect(world.secret(profile: "default") == nil)
        #expect(world.facts(profile: "default") == nil)
    }

    @Test("a revoked token is dropped from every profile that stored it")
    func revokeStoredElsewhere() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let ci = world.server.add(name: "ci", permissions: ["servers:read"])
        try world.logIn(profile: "ci", token: ci)
        let run = world.run(["tokens", "revoke", "ci", "--yes"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("Removed the revoked token ci (\(ci.id)) from profile \"ci\"."))
        #expect(world.secret(profile: "ci") == nil)
        #expect(world.facts(profile: "ci") == nil)
        #expect(world.facts(profile: "default") != nil)
    }

    @Test("revoking NSX_TOKEN's own token warns")
    func revokeEnvironmentToken() throws {
        let world = TokensWorld()
        let mine = world.server.add(name: "mine", permissions: ["settings:read", "settings:write"])
        world.cli.environment["NSX_TOKEN"] = mine.secret
        world.server.me = Fixtures.me(type: "api_token", permissions: mine.permissions, token: mine.json())
        let run = world.run(["tokens", "revoke", mine.id, "--yes"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("NSX_TOKEN holds mine (\(mine.id)), which is now revoked"))
    }
}
