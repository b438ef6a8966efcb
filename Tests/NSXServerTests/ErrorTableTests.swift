import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import NSXServer

/// One test per row of the contract's error table, plus the order in which checks apply.
@Suite struct ErrorTableTests {
    @Test func badRequestForBodyThatIsNotJSON() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.send(.post, "/api/v1/servers", raw: Array("{not json".utf8), token: token)
            #expect(response.status == 400)
            #expect(response.errorCode == "BAD_REQUEST")
            #expect(response.object["success"] == .bool(false))
        }
    }

    @Test func badRequestForMalformedQuery() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            for query in ["limit=0", "limit=101", "limit=ten", "cursor=%%%", "cursor=bm90LWEtY3Vyc29y", "status=exploded", "colour=red", "limit=1&limit=2"] {
                let response = try await server.api.get("/api/v1/servers?\(query)", token: token)
                #expect(response.status == 400, "\(query)")
                #expect(response.errorCode == "BAD_REQUEST", "\(query)")
            }
        }
    }

    @Test func validationErrorNamesEveryBadField() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.post("/api/v1/servers", ["name": "Not Valid!", "region": "mars"], token: token)
            #expect(response.status == 400)
            #expect(response.errorCode == "VALIDATION_ERROR")
            #expect(Set(response.detailFields) == ["name", "region", "plan"])
        }
    }

    @Test func unauthorizedForMissingUnknownAndMalformedCredentials() async throws {
        try await TestServer.run { server in
            let credentials: [String?] = [nil, "nsx_live_" + String(repeating: "a", count: 32), "nsx_test_short", "eyJ.not.ajwt", ""]
            for credential in credentials {
                let response = try await server.api.get("/api/v1/servers", token: credential)
                #expect(response.status == 401)
                #expect(response.errorCode == "UNAUTHORIZED")
                #expect(response.errorMessage == "Invalid or missing authentication token")
            }
            let basic = try await server.api.get("/api/v1/servers", token: nil, headers: ["Authorization": "Basic YWxpY2U6cHc="])
            #expect(basic.status == 401)
        }
    }

    @Test func invalidCredentialsLookTheSameForUnknownEmailAndWrongPassword() async throws {
        try await TestServer.run { server in
            let wrongPassword = try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "nope"], token: nil)
            let unknownEmail = try await server.api.post("/auth/login", ["email": "nobody@example.com", "password": "nope"], token: nil)
            for response in [wrongPassword, unknownEmail] {
                #expect(response.status == 401)
                #expect(response.errorCode == "INVALID_CREDENTIALS")
                #expect(response.errorMessage == "Invalid email or password")
            }
            #expect(wrongPassword.text == unknownEmail.text)
        }
    }

    @Test func forbiddenNamesTheMissingPermission() async throws {
        try await TestServer.run { server in
            let token = try await server.makeToken([.serversRead])
            let response = try await server.api.post("/api/v1/servers", ["name": "web", "region": "us-east", "plan": "basic-1"], token: token.secret)
            #expect(response.status == 403)
            #expect(response.errorCode == "FORBIDDEN")
            #expect(response.errorMessage == "Token does not have permission: servers:write")
        }
    }

    @Test func notFoundForUnknownRouteAndResource() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let route = try await server.api.get("/api/v1/nothing-here", token: token)
            #expect(route.status == 404)
            #expect(route.errorCode == "NOT_FOUND")
            let resource = try await server.api.get("/api/v1/servers/srv_doesnotexist", token: token)
            #expect(resource.status == 404)
            #expect(resource.errorMessage == "Server not found: srv_doesnotexist")
        }
    }

    @Test func methodNotAllowedOnKnownRoute() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.send(.put, "/api/v1/servers", token: token)
            #expect(response.status == 405)
            #expect(response.errorCode == "METHOD_NOT_ALLOWED")
            #expect(response.header("Allow")?.contains("GET") == true)
            let login = try await server.api.get("/auth/login", token: nil)
            #expect(login.status == 405)
        }
    }

    @Test func conflictForInvalidTransition() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let serverID = try await server.createServer("web", token: token)
            let instance = try await server.createInstance("app", server: serverID, token: token)
            let response = try await server.api.post("/api/v1/instances/\(instance)/stop", token: token)
            #expect(response.status == 409)
            #expect(response.errorCode == "CONFLICT")
            #expect(response.errorMessage == "Instance is already stopped")
        }
    }

    @Test func idempotencyConflictForReusedKey() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let key = ["Idempotency-Key": "key-1"]
            _ = try await server.createServer("web", token: token, headers: key)
            let response = try await server.api.post("/api/v1/servers", ["name": "other", "region": "us-east", "plan": "basic-1"], token: token, headers: key)
            #expect(response.status == 409)
            #expect(response.errorCode == "IDEMPOTENCY_CONFLICT")
        }
    }

    @Test func payloadTooLargeOverOneMebibyte() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let big = Array("{\"name\":\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + Array("\"}".utf8)
            let response = try await server.api.send(.post, "/api/v1/servers", raw: big, token: token)
            #expect(response.status == 413)
            #expect(response.errorCode == "PAYLOAD_TOO_LARGE")
            // Exactly 1 MiB is still accepted as a body (and then judged on its content).
            var exact = Array("{\"name\":\"".utf8)
            exact += Array(repeating: UInt8(ascii: "a"), count: (1 << 20) - exact.count - 2) + Array("\"}".utf8)
            #expect(exact.count == 1 << 20)
            let accepted = try await server.api.send(.post, "/api/v1/servers", raw: exact, token: token)
            #expect(accepted.status == 400)
            #expect(accepted.errorCode == "VALIDATION_ERROR")
        }
    }

    @Test func rateLimitedWithRetryAfter() async throws {
        try await TestServer.run({ $0.rateLimit = 3 }) { server in
            server.clock.freeze() // the window is a calendar minute; a slow run must not cross one
            let token = try await server.makeToken()
            for expected in ["2", "1", "0"] {
                let response = try await server.api.get("/api/v1/servers", token: token.secret)
                #expect(response.status == 200)
                #expect(response.header("X-RateLimit-Limit") == "3")
                #expect(response.header("X-RateLimit-Remaining") == expected)
                #expect(Int(response.header("X-RateLimit-Reset") ?? "") != nil)
            }
            let limited = try await server.api.get("/api/v1/servers", token: token.secret)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "RATE_LIMITED")
            let retryAfter = try #require(Int(limited.header("Retry-After") ?? ""))
            #expect((1...60).contains(retryAfter))
            #expect(limited.header("X-RateLimit-Remaining") == "0")
            server.clock.advance(by: 60)
            let next = try await server.api.get("/api/v1/servers", token: token.secret)
            #expect(next.status == 200)
        }
    }

    @Test func internalErrorIsEnvelopedWithoutDetails() async throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "secret stack detail" } }
        let router = Router(context: APIContext.self)
        router.add(middleware: RequestFrameMiddleware(log: RequestLog(enabled: false)))
        router.get("/boom") { _, _ -> Response in throw Boom() }
        try await Application(router: router).test(.router) { client in
            let response = try await APIClient(client: client).get("/boom", token: nil)
            #expect(response.status == 500)
            #expect(response.errorCode == "INTERNAL_ERROR")
            #expect(!response.text.contains("secret stack detail"))
            #expect(response.header("X-Request-Id")?.hasPrefix("req_") == true)
        }
    }

    @Test func serviceUnavailableWithRetryAfter() async throws {
        try await TestServer.run({ $0.faultInjection = true }) { server in
            let queued = try await server.api.post("/__faults", ["status": 503, "retry_after": 7], token: nil)
            #expect(queued.status == 201)
            let response = try await server.api.get("/api/v1/servers", token: nil)
            #expect(response.status == 503)
            #expect(response.errorCode == "SERVICE_UNAVAILABLE")
            #expect(response.header("Retry-After") == "7")
        }
    }

    @Test func everyResponseCarriesARequestID() async throws {
        try await TestServer.run { server in
            let responses = [
                try await server.api.get("/api/v1/servers", token: nil),
                try await server.api.get("/nowhere", token: nil),
                try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "alice-password"], token: nil),
            ]
            for response in responses {
                let id = try #require(response.header("X-Request-Id"))
                #expect(id.count == 16)
                #expect(id.hasPrefix("req_"))
                #expect(id.dropFirst(4).allSatisfy { $0.isLowercase || $0.isNumber })
            }
        }
    }

    // MARK: Order of checks

    @Test func unknownRouteComesBeforeBodySize() async throws {
        try await TestServer.run { server in
            let big = Array(repeating: UInt8(ascii: " "), count: (1 << 20) + 10)
            let response = try await server.api.send(.post, "/api/v1/unknown", raw: big, token: nil)
            #expect(response.status == 404)
            let wrongMethod = try await server.api.send(.put, "/api/v1/servers", raw: big, token: nil)
            #expect(wrongMethod.status == 405)
        }
    }

    @Test func bodySizeComesBeforeParsingAndCredentials() async throws {
        try await TestServer.run { server in
            let big = Array(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1)
            let response = try await server.api.send(.post, "/api/v1/servers", raw: big, token: nil)
            #expect(response.status == 413)
        }
    }

    @Test func malformedRequestComesBeforeCredentials() async throws {
        try await TestServer.run { server in
            let body = try await server.api.send(.post, "/api/v1/servers", raw: Array("[1,".utf8), token: nil)
            #expect(body.status == 400)
            #expect(body.errorCode == "BAD_REQUEST")
            let query = try await server.api.get("/api/v1/servers?limit=-1", token: nil)
            #expect(query.errorCode == "BAD_REQUEST")
            let environment = try await server.api.get("/api/v1/servers", token: nil, headers: ["Nurosentrix-Environment": "staging"])
            #expect(environment.errorCode == "BAD_REQUEST")
        }
    }

    @Test func credentialComesBeforePermission() async throws {
        try await TestServer.run { server in
            let response = try await server.api.delete("/api/v1/servers/srv_missing", token: "nsx_live_" + String(repeating: "Z", count: 32))
            #expect(response.status == 401)
        }
    }

    @Test func permissionComesBeforeMissingResource() async throws {
        try await TestServer.run { server in
            let token = try await server.makeToken([.serversRead])
            let response = try await server.api.delete("/api/v1/servers/srv_missing", token: token.secret)
            #expect(response.status == 403)
            #expect(response.errorMessage == "Token does not have permission: servers:write")
        }
    }

    @Test func missingResourceComesBeforeValidation() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.patch("/api/v1/servers/srv_missing", ["name": "BAD NAME"], token: token)
            #expect(response.status == 404)
        }
    }

    @Test func validationComesBeforeState() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let serverID = try await server.createServer("web", token: token)
            let instance = try await server.createInstance("app", server: serverID, token: token)
            // The instance is stopped (stop would be 409) but the body is invalid first.
            let response = try await server.api.post("/api/v1/instances/\(instance)/stop", ["force": true], token: token)
            #expect(response.status == 400)
            #expect(response.errorCode == "VALIDATION_ERROR")
        }
    }
}
