import Foundation
import NSXHTTP
import Synchronization
import Testing

@Suite("CurlTransport against a loopback server")
struct CurlTransportTests {
    @Test("each method round-trips its headers and body", arguments: [
        ("GET", nil), ("POST", #"{"name":"web-1"}"#), ("PATCH", #"{"labels":{"env":null}}"#), ("DELETE", nil),
        ("PUT", "plain text"),
    ] as [(String, String?)])
    func roundTrip(method: String, body: String?) throws {
        let server = try TestHTTPServer([.json(200, #"{"ok":true}"#, headers: [("X-Request-Id", "req_abcdefabcdef")])])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        let response = try transport.send(HTTPRequest(
            method: method, url: server.baseURL + "/api/v1/things?x=1",
            headers: [("Authorization", "Bearer secret"), ("Content-Type", "application/json")],
            body: body.map { Array($0.utf8) }))

        #expect(response.status == 200)
        #expect(response.text == #"{"ok":true}"#)
        #expect(response.header("x-request-id") == "req_abcdefabcdef")
        #expect(response.requestID == "req_abcdefabcdef")
        let seen = try #require(server.requests.first)
        #expect(seen.method == method)
        #expect(seen.target == "/api/v1/things?x=1")
        #expect(seen.header("Authorization") == "Bearer secret")
        #expect(seen.header("User-Agent") == "nsx/9.9.9-test")
        #expect(seen.header("Expect") == nil)
        #expect(String(decoding: seen.body, as: UTF8.self) == (body ?? ""))
    }

    @Test("a POST without a body sends Content-Length 0 and no form content type")
    func emptyPost() throws {
        let server = try TestHTTPServer([.respond(status: 204)])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        let response = try transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/auth/logout"))

        #expect(response.status == 204)
        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.header("Content-Length") == "0")
        #expect(seen.header("Content-Type") == nil)
    }

    @Test("one connection carries many requests")
    func keepAlive() throws {
        let server = try TestHTTPServer(Array(repeating: .json(200, "[]"), count: 5))
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        for page in 1...3 {
            _ = try transport.send(HTTPRequest(url: server.baseURL + "/api/v1/servers?page=\(page)"))
        }
        _ = try transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/api/v1/servers", body: [0x7B, 0x7D]))
        _ = try transport.send(HTTPRequest(method: "DELETE", url: server.baseURL + "/api/v1/servers/srv_1"))

        #expect(server.requests.count == 5)
        #expect(server.connectionCount == 1)
    }

    @Test("a redirect is refused and the credential goes nowhere else")
    func redirectRefused() throws {
        let elsewhere = try TestHTTPServer([.json(200, "{}")])
        defer { elsewhere.stop() }
        let server = try TestHTTPServer([.respond(status: 302, headers: [("Location", elsewhere.baseURL + "/steal")])])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        #expect(throws: TransportError.redirectRefused(location: elsewhere.baseURL + "/steal")) {
            try transport.send(HTTPRequest(url: server.baseURL + "/api/v1/me", headers: [("Authorization", "Bearer s3cret")]))
        }
        #expect(server.requests.count == 1)
        #expect(elsewhere.requests.isEmpty)
        #expect(elsewhere.connectionCount == 0)
    }

    @Test("plain http never leaves this machine, and other schemes are not spoken", arguments: [
        "http://example.invalid/api/v1/me", "http://10.0.0.1/", "http://localhost.example.invalid/",
        "http://127.0.0.1.example.invalid/", "ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://127.0.0.1/",
    ])
    func schemeRefused(url: String) throws {
        let trace = TextCollector()
        let transport = try CurlTransport(settings: testSettings(trace: TextTrace(write: trace.write)))

        #expect(throws: TransportError.schemeRefused(url: url)) {
            try transport.send(HTTPRequest(url: url))
        }
        #expect(trace.text.isEmpty, "refused before an attempt started")
    }

    @Test("a body over the cap fails with responseTooLarge", arguments: [
        ScriptedReply.respond(status: 200, body: Array(repeating: 0x61, count: 5000)),
        // Without a Content-Length up front, the write callback has to stop it.
        ScriptedReply.untilClose(status: 200, body: Array(repeating: 0x61, count: 5000)),
    ])
    func responseCap(reply: ScriptedReply) throws {
        let server = try TestHTTPServer([reply])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(maxResponseBytes: 4096))

        #expect(throws: TransportError.responseTooLarge(limit: 4096)) {
            try transport.send(HTTPRequest(url: server.baseURL + "/big"))
        }
    }

    @Test("a body exactly at the cap is fine")
    func responseAtCap() throws {
        let server = try TestHTTPServer([.respond(status: 200, body: Array(repeating: 0x61, count: 4096))])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(maxResponseBytes: 4096))

        #expect(try transport.send(HTTPRequest(url: server.baseURL + "/big")).body.count == 4096)
    }

    @Test("CR and LF never reach the wire from a header name or value")
    func headerInjection() throws {
        let server = try TestHTTPServer([.json(200, "{}")])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        _ = try transport.send(HTTPRequest(url: server.baseURL + "/", headers: [
            ("X-Label", "a\r\nX-Injected: yes"), ("X-Other\r\nX-Sneaky", "b\n"), ("X-Empty", ""),
        ]))

        let seen = try #require(server.requests.first)
        #expect(seen.header("X-Label") == "aX-Injected: yes")
        #expect(seen.header("X-Injected") == nil)
        #expect(seen.header("X-OtherX-Sneaky") == "b")
        #expect(seen.header("X-Sneaky") == nil)
        #expect(seen.headers.contains { $0.0 == "X-Empty" && $0.1.isEmpty })
    }

    @Test("an attempt slower than the timeout fails with timedOut")
    func timeout() throws {
        let server = try TestHTTPServer([.respond(status: 200, body: [], delay: .seconds(20))])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(timeout: .seconds(1)))

        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(url: server.baseURL + "/slow"))
        }
        guard case .timedOut(let message) = error else {
            Issue.record("expected timedOut, got \(String(describing: error))")
            return
        }
        #expect(message.contains("Timeout was reached"))
    }

    @Test("a closed port fails with couldNotConnect and libcurl's message")
    func connectionRefused() throws {
        let port = try TestHTTPServer([]).closedPort()
        let transport = try CurlTransport(settings: testSettings())

        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
        }
        guard case .couldNotConnect(let message) = error else {
            Issue.record("expected couldNotConnect, got \(String(describing: error))")
            return
        }
        #expect(message.contains("Couldn't connect to server"))
        #expect(message.contains("127.0.0.1"))
    }

    @Test("a dropped connection or a short body is connectionLost", arguments: [
        ScriptedReply.closeWithoutResponse,
        ScriptedReply.truncated(status: 200, declaredLength: 100, body: Array("{\"partial\":".utf8)),
    ])
    func connectionLost(reply: ScriptedReply) throws {
        let server = try TestHTTPServer([reply])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(url: server.baseURL + "/"))
        }
        guard case .connectionLost = error else {
            Issue.record("expected connectionLost, got \(String(describing: error))")
            return
        }
    }

    @Test("raising the cancellation flag ends a transfer with interrupted")
    func interrupted() throws {
        let server = try TestHTTPServer([.respond(status: 200, body: [], delay: .seconds(30))])
        defer { server.stop() }
        let cancellation = TestCancellation()
        let transport = try CurlTransport(settings: testSettings(timeout: .seconds(60),
                                                                 isCancelled: { cancellation.isRaised }))
        Thread.detachNewThread {
            // Raised once the request has arrived, so the abort happens mid-transfer.
            for _ in 0..<1000 where server.requests.isEmpty { usleep(10_000) }
            cancellation.raise()
        }

        #expect(throws: TransportError.interrupted) {
            try transport.send(HTTPRequest(url: server.baseURL + "/slow"))
        }
        #expect(server.requests.count == 1)
    }

    @Test("with the flag already raised nothing is sent")
    func interruptedBeforeSending() throws {
        let server = try TestHTTPServer([.json(200, "{}")])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(isCancelled: { true }))

        #expect(throws: TransportError.interrupted) {
            try transport.send(HTTPRequest(url: server.baseURL + "/"))
        }
        #expect(server.requests.isEmpty)
    }

    @Test("a malformed method is refused before sending")
    func badMethod() throws {
        let server = try TestHTTPServer([.json(200, "{}")])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(method: "GET /x HTTP/1.1\r\nHost: evil", url: server.baseURL + "/"))
        }
        #expect(server.requests.isEmpty)
    }

    @Test("response headers arrive in order, values trimmed")
    func responseHeaders() throws {
        let server = try TestHTTPServer([.respond(status: 201, headers: [
            ("X-Request-Id", "req_000000000001"), ("X-RateLimit-Remaining", "  599 "), ("Set-Thing", "a"), ("Set-Thing", "b"),
        ], body: Array("{}".utf8))])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        let response = try transport.send(HTTPRequest(url: server.baseURL + "/"))

        #expect(response.status == 201)
        #expect(response.header("x-ratelimit-remaining") == "599")
        #expect(response.headers.filter { $0.0 == "Set-Thing" }.map(\.1) == ["a", "b"])
        #expect(response.elapsed > .zero)
    }

    @Test("HEAD reads the headers and expects no body")
    func head() throws {
        // Announces ten bytes but, as HEAD requires, sends none: a GET would wait for them.
        let server = try TestHTTPServer([.respond(status: 200, headers: [("Content-Length", "10")]), .json(200, "{}")])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(timeout: .seconds(5)))

        let response = try transport.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/"))
        #expect(response.status == 200)
        #expect(response.header("Content-Length") == "10")
        #expect(response.body.isEmpty)
        // The connection is still in step for the next request.
        #expect(try transport.send(HTTPRequest(url: server.baseURL + "/")).text == "{}")
        #expect(server.connectionCount == 1)
    }
}

/// `HTTPRequest.credentialHeaders`: asked for once connected, so that connecting overlaps
/// reading the credential (a keyring lookup); when they cannot be had, nothing is sent.
@Suite("CurlTransport asks for credential headers once connected")
struct LateCredentialHeadersTests {
    /// Waits up to two seconds for the server to have accepted a connection.
    static func connected(_ server: TestHTTPServer) -> Bool {
        let deadline = ContinuousClock.now + .seconds(2)
        while server.connectionCount == 0 && ContinuousClock.now < deadline { usleep(1000) }
        return server.connectionCount > 0
    }

    @Test("asked for after the connection is up and before the request, then sent")
    func askedOnceConnected() throws {
        let server = try TestHTTPServer([.json(200, #"{"ok":true}"#)])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())
        let seenWhenAsked = Mutex<(connected: Bool, requests: Int)?>(nil)

        let response = try transport.send(HTTPRequest(url: server.baseURL + "/api/v1/servers/srv_1", credentialHeaders: {
            seenWhenAsked.withLock { $0 = (Self.connected(server), server.requests.count) }
            return [("Authorization", "Bearer late")]
        }))

        #expect(response.status == 200)
        let asked = try #require(seenWhenAsked.withLock { $0 })
        #expect(asked.connected, "the server had no connection when the credential was asked for")
        #expect(asked.requests == 0)
        let seen = try #require(server.requests.first)
        #expect(seen.header("Authorization") == "Bearer late")
        #expect(seen.header("User-Agent") == "nsx/9.9.9-test")
    }

    @Test("a header the request already names wins")
    func requestHeadersWin() throws {
        let server = try TestHTTPServer([.json(200, "{}")])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        _ = try transport.send(HTTPRequest(url: server.baseURL + "/api/v1/me", headers: [("Authorization", "Bearer mine")],
                                           credentialHeaders: { [("Authorization", "Bearer late"), ("X-Late", "1")] }))

        let seen = try #require(server.requests.first)
        #expect(seen.headers.filter { $0.0.lowercased() == "authorization" }.map(\.1) == ["Bearer mine"])
        #expect(seen.header("X-Late") == "1")
    }

    @Test("headers that cannot be had withdraw the request: connected, nothing sent, not retried")
    func withdrawn() throws {
        struct Unreadable: Error {}
        let server = try TestHTTPServer([.json(200, "{}")])
        defer { server.stop() }
        let transport = CountingTransport(try CurlTransport(settings: testSettings()))
        let client = RetryingClient(transport: transport, policy: .default, sleeper: Sleeper { _ throws(TransportError) in })

        #expect {
            try client.send(HTTPRequest(url: server.baseURL + "/api/v1/me", credentialHeaders: { throw Unreadable() }))
        } throws: { error in
            if case .transport(.withdrawn)? = error as? HTTPClientError { return true }
            return false
        }
        #expect(transport.attempts == 1)
        #expect(Self.connected(server))
        #expect(server.requests.isEmpty)
    }

    @Test("a fake transport completes the request the same way")
    func withCredentialHeaders() throws {
        let request = HTTPRequest(url: "http://127.0.0.1/x", headers: [("Accept", "application/json")],
                                  credentialHeaders: { [("Authorization", "Bearer late"), ("accept", "text/plain")] })
        let sent = try request.withCredentialHeaders()
        #expect(sent.credentialHeaders == nil)
        #expect(sent.headers.map(\.0) == ["Accept", "Authorization"])
        #expect(sent.header("Accept") == "application/json")
    }
}
