import NSXJSON
import Testing
@testable import NSXServer

@Suite struct IdempotencyTests {
    static let serverBody: JSONValue = ["name": "web", "region": "us-east", "plan": "basic-1"]

    @Test func replayReturnsTheFirstResponse() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let headers = ["Idempotency-Key": "create-web"]
            let first = try await server.api.post("/api/v1/servers", Self.serverBody, token: token, headers: headers)
            let second = try await server.api.post("/api/v1/servers", Self.serverBody, token: token, headers: headers)
            #expect(first.status == 201)
            #expect(second.status == 201)
            #expect(second.text == first.text)
            #expect(first.header("Idempotent-Replayed") == nil)
            #expect(second.header("Idempotent-Replayed") == "true")
            #expect(second.header("X-Request-Id") != first.header("X-Request-Id"))
            let list = try await server.api.get("/api/v1/servers", token: token)
            #expect(list.items.count == 1)
        }
    }

    @Test func errorsFromTheHandlerAreReplayedToo() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let headers = ["Idempotency-Key": "bad-one"]
            let body: JSONValue = ["name": "web", "region": "atlantis", "plan": "basic-1"]
            let first = try await server.api.post("/api/v1/servers", body, token: token, headers: headers)
            #expect(first.status == 400)
            let second = try await server.api.post("/api/v1/servers", body, token: token, headers: headers)
            #expect(second.status == 400)
            #expect(second.text == first.text)
            #expect(second.header("Idempotent-Replayed") == "true")
        }
    }

    @Test func differentRequestUnderTheSameKeyConflicts() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let headers = ["Idempotency-Key": "k"]
            _ = try await server.api.post("/api/v1/servers", Self.serverBody, token: token, headers: headers)
            let otherBody = try await server.api.post("/api/v1/servers", ["name": "web2", "region": "us-east", "plan": "basic-1"], token: token, headers: headers)
            #expect(otherBody.errorCode == "IDEMPOTENCY_CONFLICT")
            let otherPath = try await server.api.post("/api/v1/backups", ["instance_id": "ins_x"], token: token, headers: headers)
            #expect(otherPath.errorCode == "IDEMPOTENCY_CONFLICT")
        }
    }

    @Test func keysAreScopedToUserAndEnvironment() async throws {
        try await TestServer.run { server in
            let alice = try await server.login()
            let bob = try await server.login(TestServer.bob)
            let headers = ["Idempotency-Key": "shared"]
            let a = try await server.api.post("/api/v1/servers", Self.serverBody, token: alice, headers: headers)
            let b = try await server.api.post("/api/v1/servers", Self.serverBody, token: bob, headers: headers)
            let test = try await server.api.post("/api/v1/servers", Self.serverBody, token: alice,
                                                 headers: headers.merging(["Nurosentrix-Environment": "test"]) { $1 })
            #expect(a.status == 201 && b.status == 201 && test.status == 201)
            #expect(b.header("Idempotent-Replayed") == nil)
            #expect(test.header("Idempotent-Replayed") == nil)
            #expect(a["id"] != b["id"] && a["id"] != test["id"])
        }
    }

    static let allPermissions: JSONValue = .array(Permission.allCases.map { .string($0.rawValue) })

    /// The attack: a token holding only `settings:write` replays a session's token creation
    /// (key and body read from a `-v` trace) to get the session's new, all-powerful token.
    @Test func aTokenReplayingASessionsKeyNeverGetsTheSessionsSecret() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let headers = ["Idempotency-Key": "mint-admin"]
            let body: JSONValue = ["name": "admin", "permissions": Self.allPermissions, "environment": "live"]
            let first = try await server.api.post("/api/v1/tokens", body, token: session, headers: headers)
            #expect(first.status == 201)
            let secret = try #require(first["token"])

            let weak = try await server.makeToken([.settingsWrite], using: session)
            let replay = try await server.api.post("/api/v1/tokens", body, token: weak.secret, headers: headers)
            #expect(!replay.text.contains(secret), "the session's secret leaked to another credential")
            #expect(replay.header("Idempotent-Replayed") == nil)
            #expect(replay.status == 403, "a fresh request: the weak token lacks the permissions")
            #expect(replay.errorMessage == "Token does not have permission: servers:read")
        }
    }

    /// The attack: a test token replays a record that a session made in the test environment
    /// and gets the live token that session minted.
    @Test func aTestTokenNeverReplaysASessionsRecord() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let headers = ["Idempotency-Key": "mint-live", "Nurosentrix-Environment": "test"]
            let body: JSONValue = ["name": "live-one", "permissions": ["settings:write"], "environment": "live"]
            let first = try await server.api.post("/api/v1/tokens", body, token: session, headers: headers)
            #expect(first.status == 201)
            let secret = try #require(first["token"])

            let testToken = try await server.makeToken([.settingsWrite], environment: .test, using: session)
            let replay = try await server.api.post("/api/v1/tokens", body, token: testToken.secret, headers: headers)
            #expect(!replay.text.contains(secret), "a test token got a live secret")
            #expect(replay.header("Idempotent-Replayed") == nil)
            #expect(replay.status == 403)
            #expect(replay.errorMessage == "A test token cannot create a live token")
        }
    }

    /// Keys belong to one login session: another session of the same user starts afresh.
    @Test func eachSessionHasItsOwnKeys() async throws {
        try await TestServer.run { server in
            let first = try await server.login()
            let second = try await server.login()
            let headers = ["Idempotency-Key": "per-session"]
            let created = try await server.api.post("/api/v1/servers", Self.serverBody, token: first, headers: headers)
            let again = try await server.api.post("/api/v1/servers", Self.serverBody, token: second, headers: headers)
            #expect(created.status == 201)
            #expect(again.header("Idempotent-Replayed") == nil)
            #expect(again.status == 400, "a fresh request, refused because the name is taken")
            #expect(again.detailFields == ["name"])
        }
    }

    /// The credential that made a token gets it back on a replay, secret included: the stored
    /// copy is sealed, not lost.
    @Test func theSameCredentialStillGetsItsSecretBack() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let creator = try await server.makeToken(using: session)
            let headers = ["Idempotency-Key": "mint-again"]
            let body: JSONValue = ["name": "child", "permissions": ["servers:read"]]
            let first = try await server.api.post("/api/v1/tokens", body, token: creator.secret, headers: headers)
            let second = try await server.api.post("/api/v1/tokens", body, token: creator.secret, headers: headers)
            #expect(first.status == 201)
            #expect(second.text == first.text)
            #expect(second.header("Idempotent-Replayed") == "true")
            let secret = try #require(second["token"])
            #expect(try await server.api.get("/api/v1/servers", token: secret).status == 200)
        }
    }

    @Test func forbiddenAndUnauthorizedAreNotStored() async throws {
        try await TestServer.run { server in
            let session = try await server.login()
            let reader = try await server.makeToken([.serversRead], using: session)
            let headers = ["Idempotency-Key": "later"]
            let forbidden = try await server.api.post("/api/v1/servers", Self.serverBody, token: reader.secret, headers: headers)
            let unauthorized = try await server.api.post("/api/v1/servers", Self.serverBody, token: "nsx_live_" + String(repeating: "q", count: 32), headers: headers)
            #expect(forbidden.status == 403)
            #expect(unauthorized.status == 401)
            let real = try await server.api.post("/api/v1/servers", Self.serverBody, token: session, headers: headers)
            #expect(real.status == 201)
            #expect(real.header("Idempotent-Replayed") == nil)
        }
    }

    @Test func keysExpireAfterADay() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let headers = ["Idempotency-Key": "daily"]
            _ = try await server.api.post("/api/v1/servers", Self.serverBody, token: token, headers: headers)
            server.clock.advance(by: 23 * 3600)
            let fresh = try await server.login()
            server.clock.advance(by: 2 * 3600)
            let response = try await server.api.post("/api/v1/servers", ["name": "web2", "region": "us-east", "plan": "basic-1"], token: fresh, headers: headers)
            #expect(response.status == 201)
        }
    }

    @Test func actionsReplayTheirAcceptedResponse() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let serverID = try await server.createServer("web", token: token)
            let instance = try await server.createInstance("app", server: serverID, token: token)
            let headers = ["Idempotency-Key": "start-1"]
            let first = try await server.api.post("/api/v1/instances/\(instance)/start", token: token, headers: headers)
            server.finishTransitions()
            let again = try await server.api.post("/api/v1/instances/\(instance)/start", token: token, headers: headers)
            #expect(first.status == 202 && again.status == 202)
            #expect(again.text == first.text)
            let fresh = try await server.api.post("/api/v1/instances/\(instance)/start", token: token)
            #expect(fresh.errorMessage == "Instance is already running")
        }
    }

    @Test func malformedKeyIsABadRequest() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.post("/api/v1/servers", ["name": "web"], token: token,
                                                     headers: ["Idempotency-Key": String(repeating: "k", count: 300)])
            #expect(response.errorCode == "BAD_REQUEST")
        }
    }
}
