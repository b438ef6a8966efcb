import Foundation
import Hummingbird
import HummingbirdTesting
import NSXJSON
import Testing
@testable import NSXServer

/// One isolated server per test: in-memory storage, fast password hashing, a movable clock.
struct TestServer: Sendable {
    static let alice = SeedUser(email: "alice@example.com", password: "alice-password", name: "Alice")
    static let bob = SeedUser(email: "bob@example.com", password: "bob-password", name: "Bob")
    /// Long in real time, so a transition never completes while a test is looking at it;
    /// tests move the clock past it with `finishTransitions()`.
    static let actionDelay = 30.0

    let api: APIClient
    let clock: ManualClock
    /// The port of a `.live` server.
    let port: Int?
    let passwordWorkers: PasswordWorkers

    /// Passwords checked (or hashed for an unknown email) so far: one per login that got that far.
    var passwordChecks: Int { passwordWorkers.completedJobs }

    static func run(_ setup: @Sendable (inout ServerConfiguration) -> Void = { _ in },
                    testing: TestingSetup = .router,
                    _ body: @Sendable (TestServer) async throws -> Void) async throws {
        let clock = ManualClock()
        var configuration = ServerConfiguration(storage: .memory)
        configuration.users = [alice, bob]
        configuration.actionDelay = actionDelay
        configuration.rateLimit = 0
        configuration.passwordIterations = 1_000
        configuration.logRequests = false
        configuration.clock = clock
        setup(&configuration)
        let app = try buildApplication(configuration)
        let workers = configuration.passwordWorkers
        try await app.test(testing) { client in
            try await body(TestServer(api: APIClient(client: client), clock: clock, port: client.port,
                                      passwordWorkers: workers))
        }
    }

    // MARK: Credentials

    func login(_ user: SeedUser = alice) async throws -> String {
        let response = try await api.post("/auth/login", ["email": .string(user.email), "password": .string(user.password)], token: nil)
        #expect(response.status == 200, "login failed: \(response.text)")
        return try #require(response["token"])
    }

    /// Creates an API token with the session of `user` and returns its secret and object.
    func makeToken(_ permissions: [Permission] = Permission.allCases, environment: APIEnvironment = .live,
                   expiresAt: String? = nil, using credential: String? = nil, user: SeedUser = alice) async throws -> (secret: String, object: JSONObject) {
        let creator: String = if let credential { credential } else { try await login(user) }
        var body: JSONObject = [
            "name": .string("token-\(UUID().uuidString.prefix(8))"),
            "permissions": .array(permissions.map { .string($0.rawValue) }),
            "environment": .string(environment.rawValue),
        ]
        if let expiresAt { body["expires_at"] = .string(expiresAt) }
        let response = try await api.post("/api/v1/tokens", .object(body), token: creator)
        #expect(response.status == 201, "token creation failed: \(response.text)")
        return (try #require(response["token"]), response.dataObject)
    }

    // MARK: Resources

    func createServer(_ name: String, token: String, region: String = "us-east", headers: [String: String] = [:]) async throws -> String {
        let response = try await api.post("/api/v1/servers", ["name": .string(name), "region": .string(region), "plan": "basic-1"],
                                          token: token, headers: headers)
        #expect(response.status == 201, "server creation failed: \(response.text)")
        return try #require(response["id"])
    }

    func createInstance(_ name: String, server: String, token: String, headers: [String: String] = [:]) async throws -> String {
        let response = try await api.post("/api/v1/instances", ["name": .string(name), "server_id": .string(server), "image": "nginx:1.25"],
                                          token: token, headers: headers)
        #expect(response.status == 201, "instance creation failed: \(response.text)")
        return try #require(response["id"])
    }

    /// Moves time past every running transition; the next request sees them completed.
    func finishTransitions() {
        clock.advance(by: Self.actionDelay + 1)
    }

    func status(of path: String, token: String) async throws -> String? {
        try await api.get(path, token: token)["status"]
    }
}
