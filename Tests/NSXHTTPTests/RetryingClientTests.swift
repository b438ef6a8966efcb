import Foundation
import NSXHTTP
import Synchronization
import Testing

@Suite("RetryingClient over real libcurl")
struct RetryingClientTests {
    /// A client on a fresh transport whose waits are only recorded; jitter fixed at the middle,
    /// so every backoff is exactly its nominal value.
    private func client(
        policy: RetryPolicy = .default, sleeper: Sleeper, trace: (any HTTPTrace)? = nil
    ) throws -> RetryingClient {
        RetryingClient(transport: try CurlTransport(settings: testSettings()), policy: policy, sleeper: sleeper,
                       jitter: { 0.5 }, trace: trace)
    }

    @Test("503, 503, 200 ends in the 200 after three attempts with growing waits")
    func recoversFromUnavailable() throws {
        let server = try TestHTTPServer([.json(503, "{}"), .json(503, "{}"), .json(200, #"{"ok":true}"#)])
        defer { server.stop() }
        let waits = RecordingSleeper()

        let response = try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/api/v1/servers"))

        #expect(response.status == 200)
        #expect(response.text == #"{"ok":true}"#)
        #expect(server.requests.count == 3)
        #expect(waits.delays == [.milliseconds(500), .seconds(1)])
    }

    @Test("four 503s: the last one is returned, after three waits")
    func givesUpWithLastResponse() throws {
        let server = try TestHTTPServer(Array(repeating: .json(503, #"{"success":false}"#), count: 4))
        defer { server.stop() }
        let waits = RecordingSleeper()

        let response = try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == 503)
        #expect(response.text == #"{"success":false}"#)
        #expect(server.requests.count == 4)
        #expect(waits.delays == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test("each retryable status is retried", arguments: [429, 502, 503, 504])
    func retryableStatuses(status: Int) throws {
        let server = try TestHTTPServer([.json(status, "{}"), .json(200, "{}")])
        defer { server.stop() }

        let response = try client(sleeper: RecordingSleeper().sleeper).send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == 200)
        #expect(server.requests.count == 2)
    }

    @Test("other statuses are answers, returned at once", arguments: [200, 201, 400, 401, 403, 404, 409, 413, 500])
    func nonRetryableStatuses(status: Int) throws {
        let server = try TestHTTPServer([.json(status, "{}"), .json(200, "{}")])
        defer { server.stop() }
        let waits = RecordingSleeper()

        let response = try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == status)
        #expect(server.requests.count == 1)
        #expect(waits.delays.isEmpty)
    }

    @Test("Retry-After in seconds replaces the backoff")
    func retryAfterSeconds() throws {
        let server = try TestHTTPServer([.json(429, "{}", headers: [("Retry-After", "7")]), .json(200, "{}")])
        defer { server.stop() }
        let waits = RecordingSleeper()

        let response = try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == 200)
        #expect(waits.delays == [.seconds(7)])
    }

    @Test("Retry-After as an HTTP date waits until then")
    func retryAfterDate() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let inThirtySeconds = formatter.string(from: Date().addingTimeInterval(30))
        let server = try TestHTTPServer([.json(503, "{}", headers: [("Retry-After", inThirtySeconds)]), .json(200, "{}")])
        defer { server.stop() }
        let waits = RecordingSleeper()

        let response = try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == 200)
        let delay = try #require(waits.delays.first)
        // Whole seconds on the wire, and the clock moves on while the test runs.
        #expect(delay >= .seconds(20) && delay <= .seconds(30))
    }

    @Test("a Retry-After beyond the budget fails at once, carrying the response")
    func retryAfterTooLong() throws {
        let server = try TestHTTPServer([.json(429, #"{"error":{"code":"RATE_LIMITED"}}"#, headers: [("Retry-After", "600")])])
        defer { server.stop() }
        let waits = RecordingSleeper()

        let error = #expect(throws: HTTPClientError.self) {
            try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))
        }
        guard case .retryAfterTooLong(let seconds, let response) = error else {
            Issue.record("expected retryAfterTooLong, got \(String(describing: error))")
            return
        }
        #expect(seconds == 600)
        #expect(response.status == 429)
        #expect(response.text.contains("RATE_LIMITED"))
        #expect(server.requests.count == 1)
        #expect(waits.delays.isEmpty)
    }

    @Test("waits add up against the budget: a third 50 s wait would pass 2 minutes")
    func budgetCountsEveryWait() throws {
        let server = try TestHTTPServer(Array(repeating: .json(503, "{}", headers: [("Retry-After", "50")]), count: 4))
        defer { server.stop() }
        let waits = RecordingSleeper()

        let error = #expect(throws: HTTPClientError.self) {
            try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))
        }
        guard case .retryAfterTooLong(50, _) = error else {
            Issue.record("expected retryAfterTooLong(50), got \(String(describing: error))")
            return
        }
        #expect(waits.delays == [.seconds(50), .seconds(50)])
        #expect(server.requests.count == 3)
    }

    @Test("each attempt gets what is left of the budget, and the watcher is told of each pause")
    func attemptsShareTheBudget() throws {
        let server = try TestHTTPServer(Array(repeating: .json(429, "{}", headers: [("Retry-After", "50")]), count: 4))
        defer { server.stop() }
        let limits = LimitRecorder(try CurlTransport(settings: testSettings()))
        let notices = Mutex<[RetryNotice]>([])
        let client = RetryingClient(transport: limits, sleeper: RecordingSleeper().sleeper, jitter: { 0.5 },
                                    announce: { notice in notices.withLock { $0.append(notice) } })

        #expect(throws: HTTPClientError.self) { try client.send(HTTPRequest(url: server.baseURL + "/")) }

        // 120 s for the first attempt, 70 after one 50 s pause, 20 after two; a third would not fit.
        let expected: [Duration] = [.seconds(120), .seconds(70), .seconds(20)]
        #expect(limits.recorded.count == 3)
        for (limit, bound) in zip(limits.recorded, expected) {
            #expect(limit <= bound && limit > bound - .seconds(5), "\(limits.recorded)")
        }
        #expect(notices.withLock { $0 } == [RetryNotice(delay: .seconds(50), status: 429, attempt: 2, attempts: 4),
                                            RetryNotice(delay: .seconds(50), status: 429, attempt: 3, attempts: 4)])
        #expect(notices.withLock { $0 }.first?.seconds == 50)
    }

    @Test("an attempt is cut off where the budget ends, not at the transport's own timeout")
    func attemptCutAtBudget() throws {
        let server = try TestHTTPServer([.json(503, "{}", headers: [("Retry-After", "1")]),
                                         .respond(status: 200, body: Array("{}".utf8), delay: .seconds(10))])
        defer { server.stop() }
        let client = RetryingClient(transport: try CurlTransport(settings: testSettings(timeout: .seconds(30))),
                                    policy: RetryPolicy(budget: .seconds(3)), sleeper: RecordingSleeper().sleeper, jitter: { 0.5 })
        let error = #expect(throws: HTTPClientError.self) { try client.send(HTTPRequest(url: server.baseURL + "/")) }
        guard case .transport(.timedOut) = error else {
            Issue.record("expected a timeout within the budget, got \(String(describing: error))")
            return
        }
        #expect(server.requests.count == 2)
    }

    @Test("a backoff that would pass the budget ends the retries with the last response")
    func backoffPastBudget() throws {
        let server = try TestHTTPServer(Array(repeating: .json(503, "{}"), count: 4))
        defer { server.stop() }
        let waits = RecordingSleeper()

        let response = try client(policy: RetryPolicy(budget: .seconds(1)), sleeper: waits.sleeper)
            .send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == 503)
        #expect(waits.delays == [.milliseconds(500)])
        #expect(server.requests.count == 2)
    }

    @Test("a POST keeps one Idempotency-Key across its retries; the next POST gets another")
    func idempotencyKey() throws {
        let server = try TestHTTPServer([.json(503, "{}"), .closeWithoutResponse, .json(201, "{}"), .json(201, "{}")])
        defer { server.stop() }
        let client = try client(sleeper: RecordingSleeper().sleeper)
        let post = HTTPRequest(method: "POST", url: server.baseURL + "/api/v1/servers", body: Array(#"{"name":"a"}"#.utf8))

        #expect(try client.send(post).status == 201)
        #expect(try client.send(post).status == 201)

        let keys = server.requests.map { $0.header("Idempotency-Key") }
        #expect(keys.count == 4)
        let first = try #require(keys[0])
        #expect(keys[1] == first && keys[2] == first)
        #expect(keys[3] != nil && keys[3] != first)
        #expect(first.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
    }

    @Test("a caller's own Idempotency-Key is kept, and opted-out requests get none", arguments: [
        (HTTPRequest(method: "POST", url: "", headers: [("idempotency-key", "mine")]), "mine"),
        (HTTPRequest(method: "POST", url: "", addsIdempotencyKey: false), nil),
        (HTTPRequest(method: "PATCH", url: "", body: [0x7B, 0x7D]), nil),
        (HTTPRequest(method: "GET", url: ""), nil),
    ] as [(HTTPRequest, String?)])
    func idempotencyKeyCases(request: HTTPRequest, expected: String?) throws {
        let server = try TestHTTPServer([.json(200, "{}")])
        defer { server.stop() }
        var request = request
        request.url = server.baseURL + "/auth/login"

        _ = try client(sleeper: RecordingSleeper().sleeper).send(request)

        #expect(try #require(server.requests.first).header("Idempotency-Key") == expected)
    }

    @Test("a dropped connection is retried", arguments: [
        ScriptedReply.closeWithoutResponse,
        ScriptedReply.truncated(status: 200, declaredLength: 50, body: Array("{".utf8)),
    ])
    func droppedConnection(reply: ScriptedReply) throws {
        let server = try TestHTTPServer([reply, .json(200, "{}")])
        defer { server.stop() }
        let waits = RecordingSleeper()

        let response = try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == 200)
        #expect(server.requests.count == 2)
        #expect(server.connectionCount == 2)
        #expect(waits.delays == [.milliseconds(500)])
    }

    @Test("connection refused every time: four attempts, then the transport error")
    func refusedEveryTime() throws {
        let port = try TestHTTPServer([]).closedPort()
        let waits = RecordingSleeper()

        let error = #expect(throws: HTTPClientError.self) {
            try client(sleeper: waits.sleeper).send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
        }
        guard case .transport(.couldNotConnect) = error else {
            Issue.record("expected couldNotConnect, got \(String(describing: error))")
            return
        }
        #expect(waits.delays == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test("refusals that are not the network's fault are never retried", arguments: [
        ScriptedReply.respond(status: 301, headers: [("Location", "https://elsewhere.example/")]),
        ScriptedReply.respond(status: 200, body: Array(repeating: 0x61, count: 2 << 20)),
    ])
    func notRetried(reply: ScriptedReply) throws {
        let server = try TestHTTPServer([reply, .json(200, "{}")])
        defer { server.stop() }
        let waits = RecordingSleeper()

        #expect(throws: HTTPClientError.self) {
            try client(sleeper: waits.sleeper).send(HTTPRequest(url: server.baseURL + "/"))
        }
        #expect(server.requests.count == 1)
        #expect(waits.delays.isEmpty)
    }

    @Test("an interrupted wait ends the request with interrupted")
    func interruptedWait() throws {
        let server = try TestHTTPServer([.json(503, "{}"), .json(200, "{}")])
        defer { server.stop() }
        let sleeper = Sleeper { _ throws(TransportError) in throw .interrupted }

        let error = #expect(throws: HTTPClientError.self) {
            try client(sleeper: sleeper).send(HTTPRequest(url: server.baseURL + "/"))
        }
        guard case .transport(.interrupted) = error else {
            Issue.record("expected interrupted, got \(String(describing: error))")
            return
        }
        #expect(server.requests.count == 1)
    }

    @Test("a DELETE answered 404 counts as done only when an earlier attempt may have deleted", arguments: [
        (ScriptedReply.closeWithoutResponse, true),
        (ScriptedReply.json(502, "{}"), true),
        (ScriptedReply.json(504, "{}"), true),
        (ScriptedReply.json(503, "{}"), false),
        (ScriptedReply.json(429, "{}"), false),
    ])
    func deleteNotFoundAfterRetry(first: ScriptedReply, countsAsDone: Bool) throws {
        let server = try TestHTTPServer([first, .json(404, #"{"error":{"code":"NOT_FOUND"}}"#)])
        defer { server.stop() }

        let response = try client(sleeper: RecordingSleeper().sleeper)
            .send(HTTPRequest(method: "DELETE", url: server.baseURL + "/api/v1/servers/srv_1"))

        #expect(response.status == 404)
        #expect(response.deletedOnEarlierAttempt == countsAsDone)
    }

    @Test("a DELETE answered 404 at the first attempt is a plain 404")
    func deleteNotFoundAtOnce() throws {
        let server = try TestHTTPServer([.json(404, "{}")])
        defer { server.stop() }

        let response = try client(sleeper: RecordingSleeper().sleeper)
            .send(HTTPRequest(method: "DELETE", url: server.baseURL + "/api/v1/servers/srv_1"))

        #expect(response.status == 404)
        #expect(!response.deletedOnEarlierAttempt)
    }

    @Test("the trace notes each retry with its wait and reason")
    func traceNotesRetries() throws {
        let server = try TestHTTPServer([.json(503, "{}"), .json(429, "{}", headers: [("Retry-After", "2")]), .json(200, "{}")])
        defer { server.stop() }
        let trace = TextCollector()

        _ = try client(sleeper: RecordingSleeper().sleeper, trace: TextTrace(write: trace.write))
            .send(HTTPRequest(url: server.baseURL + "/"))

        #expect(trace.text == "* retrying in 0.5 s (attempt 2 of 4): 503\n* retrying in 2.0 s (attempt 3 of 4): 429\n")
    }
}

/// Passes requests on, noting each attempt's time limit.
private final class LimitRecorder: HTTPTransport, Sendable {
    private let inner: any HTTPTransport & Sendable
    private let limits = Mutex<[Duration]>([])

    init(_ inner: any HTTPTransport & Sendable) { self.inner = inner }

    var recorded: [Duration] { limits.withLock { $0 } }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        limits.withLock { $0.append(request.timeLimit ?? .zero) }
        return try inner.send(request)
    }
}
