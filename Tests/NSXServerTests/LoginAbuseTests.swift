import Foundation
import Testing
@testable import NSXServer

/// Password guessing and login floods: the lockout is exact under concurrency, and hashing
/// passwords never starves the requests of users who are already logged in.
@Suite(.serialized) struct LoginAbuseTests {
    /// Check-then-record used to race: 60 parallel wrong passwords got 6 checks, not 5. Each
    /// check answers 401; a refusal without one answers 429.
    @Test func sixtyParallelWrongPasswordsToTheServerGetFiveChecks() async throws {
        let server = try ServerProcess(arguments: ["--memory", "--user", "alice@example.com:alice-password"])
        defer { _ = server.terminate() }
        let api = APIClient(port: server.port)
        let statuses = try await Self.sixtyWrongPasswordsAtOnce(api)
        #expect(statuses.filter { $0 == 401 }.count == 5, "each 401 is one password check")
        #expect(statuses.filter { $0 == 429 }.count == 55)
    }

    @Test func sixtyParallelWrongPasswordsGetExactlyFiveChecks() async throws {
        try await TestServer.run({ $0.passwordIterations = 20_000 }, testing: .live) { server in
            let api = APIClient(port: try #require(server.port))
            let statuses = try await Self.sixtyWrongPasswordsAtOnce(api)
            #expect(statuses.filter { $0 == 401 }.count == 5, "each 401 is one password check")
            #expect(statuses.filter { $0 == 429 }.count == 55)
            #expect(server.passwordChecks == 5)
        }
    }

    /// When the password workers' queue is full a login is turned away at once, without a
    /// check and without counting as a failure.
    @Test func aFullQueueAnswers429WithRetryAfter() async throws {
        let workers = PasswordWorkers(threads: 1, queueLimit: 1)
        try await TestServer.run({ $0.passwordWorkers = workers }) { server in
            let release = DispatchSemaphore(value: 0)
            let started = DispatchSemaphore(value: 0)
            let blocker = Task { try await workers.run { started.signal(); release.wait() } }
            started.wait()
            let queued = Task { try await workers.run {} }
            while workers.queuedJobs < 1 { await Task.yield() }

            let refused = try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "alice-password"], token: nil)
            #expect(refused.status == 429)
            #expect(refused.errorCode == "RATE_LIMITED")
            #expect(Int(refused.header("Retry-After") ?? "").map { $0 >= 1 } == true)
            release.signal()
            try await blocker.value
            try await queued.value
            // The refusal was not a failed login: five wrong passwords still get their checks.
            for _ in 0..<5 {
                #expect(try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "wrong"], token: nil).status == 401)
            }
            #expect(try await server.api.post("/auth/login", ["email": "alice@example.com", "password": "wrong"], token: nil).status == 429)
        }
    }

    /// Guessing across accounts from one address is bounded too.
    @Test func oneAddressGetsTwentyFailuresAMinute() async throws {
        try await TestServer.run(testing: .live) { server in
            let api = APIClient(port: try #require(server.port))
            for attempt in 0..<LoginThrottle.perAddress.maxFailures {
                let response = try await api.post("/auth/login", ["email": .string("user-\(attempt)@example.com"), "password": "x"], token: nil)
                #expect(response.status == 401)
            }
            let refused = try await api.post("/auth/login", ["email": "alice@example.com", "password": "alice-password"], token: nil)
            #expect(refused.status == 429)
            #expect(refused.errorMessage?.contains("from this address") == true)
            #expect((1...60).contains(Int(refused.header("Retry-After") ?? "") ?? 0))
            server.clock.advance(by: 61)
            #expect(try await api.post("/auth/login", ["email": "alice@example.com", "password": "alice-password"], token: nil).status == 200)
        }
    }

    /// Sixty logins for alice with sixty different wrong passwords, all at once; their statuses.
    static func sixtyWrongPasswordsAtOnce(_ api: APIClient) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for attempt in 0..<60 {
                group.addTask {
                    try await api.post("/auth/login", ["email": "alice@example.com", "password": .string("guess-\(attempt)")], token: nil).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
    }
}
