import Testing
@testable import NSXServer

@Suite struct IdempotencyTests {
    static let serverBody: JSON = ["name": "web", "region": "us-east", "plan": "basic-1"]

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
            let body: JSON = ["name": "web", "region": "atlantis", "plan": "basic-1"]
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
