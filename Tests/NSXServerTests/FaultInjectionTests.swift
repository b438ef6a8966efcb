import Foundation
import HummingbirdTesting
import NSXJSON
import Testing
@testable import NSXServer

@Suite struct FaultInjectionTests {
    @Test func faultsRouteIsAbsentByDefault() async throws {
        try await TestServer.run { server in
            let post = try await server.api.post("/__faults", ["status": 503], token: nil)
            let get = try await server.api.get("/__faults", token: nil)
            #expect(post.status == 404)
            #expect(get.status == 404)
        }
    }

    @Test func statusFaultAppliesToTheNextMatchingRequests() async throws {
        try await TestServer.run({ $0.faultInjection = true }) { server in
            let token = try await server.login()
            let queued = try await server.api.post("/__faults", ["count": 2, "status": 503, "retry_after": 3, "method": "GET", "path_prefix": "/api/v1/servers"], token: nil)
            #expect(queued.status == 201)
            #expect(queued.data == ["queued": 2])
            let listed = try await server.api.get("/__faults", token: nil)
            #expect(listed.items.first?["remaining"] == 2)

            // Not matching: other path, other method.
            let me = try await server.api.get("/api/v1/me", token: token)
            let create = try await server.api.post("/api/v1/servers", ["name": "web", "region": "us-east", "plan": "basic-1"], token: token)
            #expect(me.status == 200)
            #expect(create.status == 201)

            for _ in 0..<2 {
                let failed = try await server.api.get("/api/v1/servers", token: token)
                #expect(failed.status == 503)
                #expect(failed.errorCode == "SERVICE_UNAVAILABLE")
                #expect(failed.header("Retry-After") == "3")
            }
            let recovered = try await server.api.get("/api/v1/servers", token: token)
            let empty = try await server.api.get("/__faults", token: nil)
            #expect(recovered.status == 200)
            #expect(empty.items.isEmpty)
        }
    }

    @Test func malformedAndTruncatedBodies() async throws {
        try await TestServer.run({ $0.faultInjection = true }) { server in
            let token = try await server.login()
            _ = try await server.api.post("/__faults", ["body": "malformed"], token: nil)
            let malformed = try await server.api.get("/api/v1/servers", token: token)
            #expect(malformed.status == 200)
            #expect(malformed.json == nil)

            _ = try await server.api.post("/__faults", ["body": "truncated"], token: nil)
            let truncated = try await server.api.get("/api/v1/settings", token: token)
            #expect(truncated.status == 200)
            #expect(truncated.json == nil)
            let whole = try await server.api.get("/api/v1/settings", token: token)
            #expect(whole.text.hasPrefix(truncated.text))
            #expect(truncated.text.utf8.count == whole.text.utf8.count / 2)
        }
    }

    @Test func clearingRemovesQueuedFaults() async throws {
        try await TestServer.run({ $0.faultInjection = true }) { server in
            _ = try await server.api.post("/__faults", ["count": 5, "status": 500], token: nil)
            let cleared = try await server.api.delete("/__faults", token: nil)
            #expect(cleared.status == 200)
            #expect(cleared.data == ["cleared": 1])
            let normal = try await server.api.get("/api/v1/servers", token: nil)
            #expect(normal.status == 401)
        }
    }

    @Test func invalidFaultIsRejected() async throws {
        try await TestServer.run({ $0.faultInjection = true }) { server in
            let response = try await server.api.post("/__faults", ["count": 0, "drop": "sideways", "body": "empty"], token: nil)
            #expect(response.status == 400)
            #expect(Set(response.detailFields) == ["count", "drop", "body"])
        }
    }

    @Test func delayedRequestIsThenHandled() async throws {
        try await TestServer.run({ $0.faultInjection = true }) { server in
            _ = try await server.api.post("/__faults", ["delay_ms": 20], token: nil)
            let response = try await server.api.get("/api/v1/servers", token: nil)
            #expect(response.status == 401)
        }
    }

    @Test func dropBeforeClosesWithoutRunningTheHandler() async throws {
        try await TestServer.run({ $0.faultInjection = true }, testing: .live) { server in
            let api = APIClient(port: try #require(server.port))
            let token = try await server.login()
            _ = try await api.post("/__faults", ["drop": "before", "path_prefix": "/api/v1/servers"], token: nil)
            await #expect(throws: (any Error).self) {
                _ = try await api.post("/api/v1/servers", ["name": "web", "region": "us-east", "plan": "basic-1"], token: token)
            }
            let list = try await api.get("/api/v1/servers", token: token)
            #expect(list.status == 200)
            #expect(list.items.isEmpty)
        }
    }

    @Test func dropAfterCommitsButClosesWithoutAResponse() async throws {
        try await TestServer.run({ $0.faultInjection = true }, testing: .live) { server in
            let api = APIClient(port: try #require(server.port))
            let token = try await server.login()
            let body: JSONValue = ["name": "web", "region": "us-east", "plan": "basic-1"]
            let key = ["Idempotency-Key": "retry-me"]
            _ = try await api.post("/__faults", ["drop": "after", "method": "POST", "path_prefix": "/api/v1/servers"], token: nil)
            await #expect(throws: (any Error).self) {
                _ = try await api.post("/api/v1/servers", body, token: token, headers: key)
            }
            // The write was committed, and a retry with the same key gets its response.
            let list = try await api.get("/api/v1/servers", token: token)
            #expect(list.items.count == 1)
            let retry = try await api.post("/api/v1/servers", body, token: token, headers: key)
            #expect(retry.status == 201)
            #expect(retry.header("Idempotent-Replayed") == "true")
        }
    }
}
