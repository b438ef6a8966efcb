import Testing
@testable import NSXServer

@Suite struct EnvironmentTests {
    @Test func liveAndTestAreDisjoint() async throws {
        try await TestServer.run { server in
            let api = server.api
            let session = try await server.login()
            let testToken = try await server.makeToken(environment: .test, using: session)
            let liveToken = try await server.makeToken(using: session)

            let liveServer = try await server.createServer("web", token: liveToken.secret)
            // The same name is free in the other environment.
            let testServer = try await server.createServer("web", token: testToken.secret)

            let liveList = try await api.get("/api/v1/servers", token: liveToken.secret)
            let testList = try await api.get("/api/v1/servers", token: testToken.secret)
            #expect(liveList.items.map { $0["id"] } == [.string(liveServer)])
            #expect(testList.items.map { $0["id"] } == [.string(testServer)])
            let crossRead = try await api.get("/api/v1/servers/\(liveServer)", token: testToken.secret)
            let sessionRead = try await api.get("/api/v1/servers/\(testServer)", token: session)
            #expect(crossRead.status == 404)
            #expect(sessionRead.status == 404)

            let testView = try await api.get("/api/v1/servers", token: session, headers: ["Nurosentrix-Environment": "test"])
            #expect(testView.items.map { $0["id"] } == [.string(testServer)])

            // API tokens ignore the header.
            let ignored = try await api.get("/api/v1/servers", token: liveToken.secret, headers: ["Nurosentrix-Environment": "test"])
            #expect(ignored.items.map { $0["id"] } == [.string(liveServer)])

            // References across environments do not resolve.
            let cross = try await api.post("/api/v1/instances", ["name": "app", "server_id": .string(liveServer), "image": "x"], token: testToken.secret)
            #expect(cross.status == 400)
            #expect(cross.detailFields == ["server_id"])
        }
    }

    @Test func usersAreDisjoint() async throws {
        try await TestServer.run { server in
            let alice = try await server.login()
            let bob = try await server.login(TestServer.bob)
            let id = try await server.createServer("web", token: alice)
            let bobRead = try await server.api.get("/api/v1/servers/\(id)", token: bob)
            let bobList = try await server.api.get("/api/v1/servers", token: bob)
            #expect(bobRead.status == 404)
            #expect(bobList.items.isEmpty)
            _ = try await server.createServer("web", token: bob)
        }
    }

    @Test func meReportsTheTokenEnvironment() async throws {
        try await TestServer.run { server in
            let token = try await server.makeToken([.serversRead], environment: .test)
            let me = try await server.api.get("/api/v1/me", token: token.secret)
            let auth = try #require(me.dataObject["auth"]?.objectValue)
            #expect(auth["type"] == "api_token")
            #expect(auth["environment"] == "test")
            #expect(auth["permissions"] == ["servers:read"])
            #expect(auth["token"]?.objectValue?["id"] == token.object["id"])
            #expect(auth["expires_at"] == .null)
        }
    }
}
