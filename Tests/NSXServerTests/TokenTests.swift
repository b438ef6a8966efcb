import Foundation
import GRDB
import NSXJSON
import NSXTime
import Testing
@testable import NSXServer

@Suite struct TokenTests {
    @Test func lifecycleCreateUseRevoke() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let (secret, object) = try await server.makeToken([.serversRead, .settingsRead], using: session)
            let id = try #require(object["id"]?.stringValue)

            #expect(secret.hasPrefix("nsx_live_"))
            #expect(secret.count == 9 + 32)
            #expect(object["prefix"] == .string(String(secret.prefix(13))))
            #expect(object["permissions"] == ["servers:read", "settings:read"])
            #expect(object["last_used_at"] == .null)
            #expect(object["revoked_at"] == .null)
            #expect(object["environment"] == "live")

            let listed = try await server.api.get("/api/v1/servers", token: secret)
            #expect(listed.status == 200)

            let shown = try await server.api.get("/api/v1/tokens/\(id)", token: session)
            #expect(shown.dataObject["last_used_at"]?.stringValue != nil)
            #expect(shown.dataObject["token"] == nil, "the secret is shown only once")

            let revoked = try await server.api.delete("/api/v1/tokens/\(id)", token: session)
            #expect(revoked.status == 200)
            #expect(revoked.dataObject["revoked_at"]?.stringValue != nil)

            let refused = try await server.api.get("/api/v1/servers", token: secret)
            #expect(refused.status == 401)
            #expect(refused.errorMessage == "Invalid or missing authentication token")
        }
    }

    @Test func tokenCanRevokeItselfAndIsRefusedOnTheNextRequest() async throws {
        try await TestServer.run { server in
            let (secret, object) = try await server.makeToken()
            let id = try #require(object["id"]?.stringValue)
            // Warm any cache first.
            let warm = try await server.api.get("/api/v1/me", token: secret)
            let revoke = try await server.api.delete("/api/v1/tokens/\(id)", token: secret)
            let after = try await server.api.get("/api/v1/me", token: secret)
            #expect(warm.status == 200)
            #expect(revoke.status == 200)
            #expect(after.status == 401)
        }
    }

    @Test func expiredTokenIsRefused() async throws {
        try await TestServer.run { server in
            let expiry = Timestamp(seconds: Int(server.clock.now()) + 3600).rfc3339
            let (secret, object) = try await server.makeToken(expiresAt: expiry)
            #expect(object["expires_at"] == .string(expiry))
            let before = try await server.api.get("/api/v1/servers", token: secret)
            #expect(before.status == 200)
            server.clock.advance(by: 3601)
            let response = try await server.api.get("/api/v1/servers", token: secret)
            #expect(response.status == 401)
        }
    }

    @Test func expiryMustBeAFutureTime() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            for value: JSONValue in ["2001-01-01T00:00:00Z", "tomorrow", 42] {
                let response = try await server.api.post("/api/v1/tokens", ["name": "t", "permissions": ["servers:read"], "expires_at": value], token: session)
                #expect(response.status == 400)
                #expect(response.detailFields == ["expires_at"])
            }
        }
    }

    /// What docs/openapi.yaml says `expires_at` takes: an RFC 3339 date-time with any offset
    /// and fraction, `T` and `Z` in either case; kept in whole seconds, written back in UTC.
    @Test func expiryTakesEveryRFC3339SpellingAndNothingElse() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let accepted: [(String, String)] = [
                ("2099-01-16T10:30:00Z", "2099-01-16T10:30:00Z"),
                ("2099-01-16t10:30:00z", "2099-01-16T10:30:00Z"),
                ("2099-01-16T12:30:00+02:00", "2099-01-16T10:30:00Z"),
                ("2099-01-16T10:30:00.999-00:30", "2099-01-16T11:00:00Z"),
                ("2096-02-29T00:00:00Z", "2096-02-29T00:00:00Z"),
            ]
            for (sent, stored) in accepted {
                let response = try await server.api.post("/api/v1/tokens", ["name": "t", "permissions": ["servers:read"], "expires_at": .string(sent)], token: session)
                #expect(response.status == 201, "\(sent): \(response.text)")
                #expect(response["expires_at"] == stored, "\(sent)")
            }
            let refused = ["2099-01-16 10:30:00Z", "2099-02-31T00:00:00Z", "2097-02-29T00:00:00Z", "2099-01-16T24:00:00Z",
                           "2099-01-16T10:30Z", "2099-01-16T10:30:00", "2099-01-16T10:30:00+0200", "2099-01-16", ""]
            for sent in refused {
                let response = try await server.api.post("/api/v1/tokens", ["name": "t", "permissions": ["servers:read"], "expires_at": .string(sent)], token: session)
                #expect(response.status == 400, "\(sent)")
                #expect(response.detailFields == ["expires_at"], "\(sent)")
            }
        }
    }

    /// The scheme in any case and blanks around the credential are accepted; anything else
    /// that is not `Bearer <credential>` is a 401 (the header is read byte by byte).
    @Test func authorizationHeaderSpellings() async throws {
        try await TestServer.run { server in
            let (secret, _) = try await server.makeToken([.serversRead])
            for header in ["Bearer \(secret)", "bearer \(secret)", "BEARER  \(secret) ", "BeArEr \t\(secret)\t"] {
                let response = try await server.api.get("/api/v1/servers", token: nil, headers: ["Authorization": header])
                #expect(response.status == 200, "\(header.debugDescription)")
            }
            for header in ["Bearer", "Bearer ", "Bearer\t\(secret)", "Bearerx \(secret)", "Basic \(secret)", "Beare \(secret)",
                           "\(secret)", "Bearer \(secret) extra", "Bearer \(secret.dropLast())"] {
                let response = try await server.api.get("/api/v1/servers", token: nil, headers: ["Authorization": header])
                #expect(response.status == 401, "\(header.debugDescription)")
            }
        }
    }

    @Test func lastUsedAtIsUpdatedAtMostOnceAMinute() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let (secret, object) = try await server.makeToken(using: session)
            let id = try #require(object["id"]?.stringValue)
            _ = try await server.api.get("/api/v1/me", token: secret)
            let first = try await server.api.get("/api/v1/tokens/\(id)", token: session)["last_used_at"]
            _ = try await server.api.get("/api/v1/me", token: secret)
            let unchanged = try await server.api.get("/api/v1/tokens/\(id)", token: session)["last_used_at"]
            server.clock.advance(by: 120)
            let me = try await server.api.get("/api/v1/me", token: secret)
            let second = try await server.api.get("/api/v1/tokens/\(id)", token: session)["last_used_at"]
            #expect(first != nil && second != nil && first != second)
            #expect(unchanged == first)
            #expect(me.dataObject["auth"]?.objectValue?["token"]?.objectValue?["last_used_at"] == .optional(second))
        }
    }

    @Test func cannotGrantAPermissionItLacks() async throws {
        try await TestServer.run { server in
            let creator = try await server.makeToken([.settingsWrite, .serversRead])
            let response = try await server.api.post(
                "/api/v1/tokens", ["name": "wider", "permissions": ["settings:write", "backups:read", "servers:write"]], token: creator.secret)
            #expect(response.status == 403)
            // Canonical order: servers:write comes before backups:read.
            #expect(response.errorMessage == "Token does not have permission: servers:write")
            let subset = try await server.api.post("/api/v1/tokens", ["name": "narrower", "permissions": ["servers:read"]], token: creator.secret)
            #expect(subset.status == 201)
        }
    }

    @Test func creatingTokensNeedsSettingsWrite() async throws {
        try await TestServer.run { server in
            let creator = try await server.makeToken([.serversRead, .settingsRead])
            let response = try await server.api.post("/api/v1/tokens", ["name": "t", "permissions": ["servers:read"]], token: creator.secret)
            #expect(response.errorMessage == "Token does not have permission: settings:write")
        }
    }

    @Test func testTokenCannotCreateLiveToken() async throws {
        try await TestServer.run { server in
            let creator = try await server.makeToken(environment: .test)
            let live = try await server.api.post("/api/v1/tokens", ["name": "t", "permissions": ["servers:read"], "environment": "live"], token: creator.secret)
            #expect(live.status == 403)
            #expect(live.errorCode == "FORBIDDEN")
            #expect(live.errorMessage == "A test token cannot create a live token")
            let test = try await server.api.post("/api/v1/tokens", ["name": "t", "permissions": ["servers:read"], "environment": "test"], token: creator.secret)
            #expect(test.status == 201)
            #expect(test["token"]?.hasPrefix("nsx_test_") == true)
        }
    }

    @Test func tokenCannotCreateATokenThatOutlivesIt() async throws {
        try await TestServer.run { server in
            let now = Int(server.clock.now())
            let creator = try await server.makeToken(expiresAt: Timestamp(seconds: now + 3600).rfc3339)
            for expiry: JSONValue in [.null, .string(Timestamp(seconds: now + 7200).rfc3339)] {
                let response = try await server.api.post("/api/v1/tokens", ["name": "t", "permissions": ["servers:read"], "expires_at": expiry], token: creator.secret)
                #expect(response.status == 403)
                #expect(response.errorMessage == "Token cannot create a token that outlives it")
            }
            let shorter = try await server.api.post(
                "/api/v1/tokens", ["name": "t", "permissions": ["servers:read"], "expires_at": .string(Timestamp(seconds: now + 1800).rfc3339)], token: creator.secret)
            #expect(shorter.status == 201)
        }
    }

    @Test func testTokenSeesAndRevokesTestTokensOnly() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let live = try await server.makeToken(using: session)
            let test = try await server.makeToken(environment: .test, using: session)
            let liveID = try #require(live.object["id"]?.stringValue)

            let list = try await server.api.get("/api/v1/tokens", token: test.secret)
            #expect(list.items.allSatisfy { $0["environment"] == "test" })
            #expect(list.items.count == 1)
            let liveFilter = try await server.api.get("/api/v1/tokens?environment=live", token: test.secret)
            let show = try await server.api.get("/api/v1/tokens/\(liveID)", token: test.secret)
            let revoke = try await server.api.delete("/api/v1/tokens/\(liveID)", token: test.secret)
            let stillWorks = try await server.api.get("/api/v1/me", token: live.secret)
            #expect(liveFilter.items.isEmpty)
            #expect(show.status == 404)
            #expect(revoke.status == 404)
            #expect(stillWorks.status == 200)

            let all = try await server.api.get("/api/v1/tokens", token: session)
            #expect(all.items.count == 2)
        }
    }

    @Test func listFiltersByEnvironmentNameAndRevocation() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let a = try await server.makeToken(using: session)
            _ = try await server.makeToken(environment: .test, using: session)
            let aID = try #require(a.object["id"]?.stringValue)
            let aName = try #require(a.object["name"]?.stringValue)
            _ = try await server.api.delete("/api/v1/tokens/\(aID)", token: session)

            let active = try await server.api.get("/api/v1/tokens", token: session)
            let everything = try await server.api.get("/api/v1/tokens?include_revoked=true", token: session)
            let test = try await server.api.get("/api/v1/tokens?environment=test", token: session)
            let live = try await server.api.get("/api/v1/tokens?environment=live", token: session)
            let byName = try await server.api.get("/api/v1/tokens?include_revoked=true&name=\(aName)", token: session)
            #expect(active.items.count == 1)
            #expect(everything.items.count == 2)
            #expect(test.items.count == 1)
            #expect(live.items.isEmpty)
            #expect(byName.items.map { $0["id"] } == [.string(aID)])
        }
    }

    @Test func creationValidatesEveryField() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let response = try await server.api.post(
                "/api/v1/tokens", ["name": "", "permissions": ["servers:read", "servers:fly"], "environment": "prod", "color": "red"], token: session)
            #expect(response.status == 400)
            #expect(Set(response.detailFields) == ["name", "permissions[1]", "environment", "color"])
            let empty = try await server.api.post("/api/v1/tokens", ["name": "x", "permissions": []], token: session)
            #expect(empty.detailFields == ["permissions"])
        }
    }

    @Test func databaseKeepsOnlyTheHashAndLooksItUpByIndex() async throws {
        let store = try Store(location: .memory)
        let secret = TokenSecret.generate(for: .live)
        let token = APIToken(id: Identifier.token.make(), userID: "usr_x", name: "t", environment: .live, permissions: [.serversRead],
                             secretHash: TokenSecret.hash(secret), prefix: TokenSecret.displayPrefix(of: secret, environment: .live),
                             createdAt: 0, lastUsedAt: nil, expiresAt: nil, revokedAt: nil)
        try await store.write { db in
            try db.execute(sql: "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('usr_x', 'x@example.com', 'X', 'h', 0)")
            try TokensTable(db: db).insert(token)
        }
        let dump = try await store.read { db in try String.fetchAll(db, sql: "SELECT secret_hash || prefix || name FROM tokens") }
        #expect(!dump.joined().contains(secret))
        let plan = try await store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM tokens WHERE secret_hash = ?", arguments: ["x"])
                .map { $0["detail"] as String }.joined()
        }
        #expect(plan.contains("USING INDEX"))
        let found = try await store.read { db in try TokensTable(db: db).find(secretHash: TokenSecret.hash(secret)) }
        #expect(found == token)
    }
}
