import NSXJSON
import NSXTime
import Testing
@testable import NSXServer

@Suite struct ResourceTests {
    @Test func serverObjectHasEveryField() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.post("/api/v1/servers", ["name": "web-1", "region": "ap-southeast", "plan": "performance-8", "labels": ["env": "prod"]], token: token)
            #expect(Set(response.dataObject.keys) == ["id", "name", "region", "plan", "status", "ipv4", "labels", "created_at", "updated_at"])
            #expect(response["id"]?.hasPrefix("srv_") == true)
            #expect(response["id"]?.count == 16)
            #expect(response.dataObject["labels"] == ["env": "prod"])
            #expect(response["created_at"].flatMap(Timestamp.init(rfc3339:))?.secondsSinceEpoch != nil)
        }
    }

    @Test func serverNamesAreValidatedAndUniquePerEnvironment() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            _ = try await server.createServer("web", token: token)
            for name: JSONValue in ["web", "", "UPPER", "under_score", .string(String(repeating: "a", count: 64)), 7] {
                let response = try await server.api.post("/api/v1/servers", ["name": name, "region": "us-east", "plan": "basic-1"], token: token)
                #expect(response.status == 400, "\(name)")
                #expect(response.detailFields == ["name"], "\(name)")
            }
            _ = try await server.createServer(String(repeating: "a", count: 63), token: token)
        }
    }

    @Test func patchIsAMergePatch() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let created = try await server.api.post("/api/v1/servers", ["name": "web", "region": "us-east", "plan": "basic-1", "labels": ["a": "1", "b": "2"]], token: token)
            let id = try #require(created["id"])
            let patched = try await server.api.patch("/api/v1/servers/\(id)", ["labels": ["a": .null, "c": "3"]], token: token)
            #expect(patched.status == 200)
            #expect(patched.dataObject["labels"] == ["b": "2", "c": "3"])
            #expect(patched["name"] == "web")
            let renamed = try await server.api.patch("/api/v1/servers/\(id)", ["name": "web-2"], token: token)
            #expect(renamed["name"] == "web-2")
            #expect(renamed.dataObject["labels"] == ["b": "2", "c": "3"])
            let cleared = try await server.api.patch("/api/v1/servers/\(id)", ["labels": .null], token: token)
            #expect(cleared.dataObject["labels"] == [:])
            let bad = try await server.api.patch("/api/v1/servers/\(id)", ["labels": ["x": 1], "region": "us-west"], token: token)
            #expect(Set(bad.detailFields) == ["labels.x", "region"])
        }
    }

    @Test func instanceValidation() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.post("/api/v1/instances", ["name": "ok", "server_id": "srv_nope", "image": ""], token: token)
            #expect(response.status == 400)
            #expect(Set(response.detailFields) == ["server_id", "image"])
            let serverID = try await server.createServer("web", token: token)
            let id = try await server.createInstance("app", server: serverID, token: token)
            let renamed = try await server.api.patch("/api/v1/instances/\(id)", ["name": "app-2"], token: token)
            #expect(renamed["name"] == "app-2")
            #expect(Set(renamed.dataObject.keys) == ["id", "name", "server_id", "image", "status", "created_at", "updated_at"])
            let filtered = try await server.api.get("/api/v1/instances?server_id=\(serverID)&status=stopped", token: token)
            #expect(filtered.items.count == 1)
        }
    }

    @Test func backupValidationAndFilters() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let missing = try await server.api.post("/api/v1/backups", ["name": ""], token: token)
            #expect(Set(missing.detailFields) == ["instance_id", "name"])
            let serverID = try await server.createServer("web", token: token)
            let instance = try await server.createInstance("app", server: serverID, token: token)
            let created = try await server.api.post("/api/v1/backups", ["instance_id": .string(instance), "name": "before-upgrade"], token: token)
            #expect(Set(created.dataObject.keys) == ["id", "instance_id", "name", "status", "size_bytes", "created_at", "completed_at"])
            let byInstance = try await server.api.get("/api/v1/backups?instance_id=\(instance)", token: token)
            let completed = try await server.api.get("/api/v1/backups?status=completed", token: token)
            let byName = try await server.api.get("/api/v1/backups?name=x", token: token)
            #expect(byInstance.items.count == 1)
            #expect(completed.items.isEmpty)
            #expect(byName.status == 400)
        }
    }

    @Test func settingsReadAndPatch() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let settings = try await server.api.get("/api/v1/settings", token: token)
            #expect(settings["email"] == "alice@example.com")
            #expect(settings["timezone"] == "UTC")
            #expect(settings.dataObject["notifications"] == ["email": true, "webhook_url": .null])

            let patched = try await server.api.patch(
                "/api/v1/settings", ["timezone": "Europe/Berlin", "default_region": "eu-central", "notifications": ["webhook_url": "https://hooks.example.com/x"]], token: token)
            #expect(patched.status == 200)
            #expect(patched["timezone"] == "Europe/Berlin")
            #expect(patched.dataObject["notifications"] == ["email": true, "webhook_url": "https://hooks.example.com/x"])
            let cleared = try await server.api.patch("/api/v1/settings", ["notifications": ["webhook_url": .null, "email": false]], token: token)
            #expect(cleared.dataObject["notifications"] == ["email": false, "webhook_url": .null])

            let bad = try await server.api.patch(
                "/api/v1/settings", ["email": "x@example.com", "timezone": "Mars/Olympus", "default_region": "moon", "notifications": ["webhook_url": "http://insecure.example.com"]], token: token)
            #expect(bad.status == 400)
            #expect(Set(bad.detailFields) == ["email", "timezone", "default_region", "notifications.webhook_url"])

            // Settings belong to the account: the test environment sees the same object.
            let test = try await server.api.get("/api/v1/settings", token: token, headers: ["Nurosentrix-Environment": "test"])
            #expect(test["timezone"] == "Europe/Berlin")
        }
    }

    @Test func settingsNameIsTheAccountName() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            _ = try await server.api.patch("/api/v1/settings", ["name": "Alice Liddell"], token: token)
            let me = try await server.api.get("/api/v1/me", token: token)
            #expect(me.dataObject["user"]?.objectValue?["name"] == "Alice Liddell")
        }
    }

    @Test func bodyMustBeAnObject() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.send(.post, "/api/v1/servers", raw: Array("[1,2]".utf8), token: token)
            #expect(response.errorCode == "BAD_REQUEST")
        }
    }
}
