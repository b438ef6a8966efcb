import NSXHTTP
import Testing

@Suite("The -v trace")
struct TraceTests {
    @Test("a round trip is traced with credentials and secret fields redacted")
    func redactedRoundTrip() throws {
        let responseBody = #"{"success":true,"data":{"token":"nsx_live_SECRETVALUE","refresh_token":"r3fr3sh","#
            + #""token_info":{"id":"tok_123","prefix":"nsx_live_ab"},"expires_at":null}}"#
        let server = try TestHTTPServer([.json(201, responseBody, headers: [
            ("X-Request-Id", "req_abcdefabcdef"), ("Set-Cookie", "session=cookiesecret"),
        ])])
        defer { server.stop() }
        let trace = TextCollector()
        let transport = try CurlTransport(settings: testSettings(trace: TextTrace(write: trace.write)))
        let body = #"{"email":"ada@example.com","password":"hunter2","nested":[{"secret":"s1"}],"token":{"id":"tok_1"}}"#

        _ = try transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/auth/login", headers: [
            ("Authorization", "Bearer nsx_live_BEARERSECRET"), ("X-Api-Key", "k3y"), ("X-Session-Token", "t0k"),
            ("Idempotency-Key", "11111111-2222-4333-8444-555555555555"), ("Content-Type", "application/json"),
        ], body: Array(body.utf8)))

        let text = trace.text
        for secret in ["BEARERSECRET", "hunter2", "k3y", "t0k", "s1\"", "SECRETVALUE", "r3fr3sh", "cookiesecret"] {
            #expect(!text.contains(secret), "\(secret) leaked into the trace")
        }
        #expect(text.contains("> POST \(server.baseURL)/auth/login\n"))
        #expect(text.contains("> Authorization: Bearer [REDACTED]\n"))
        #expect(text.contains("> X-Api-Key: [REDACTED]\n"))
        #expect(text.contains("> X-Session-Token: [REDACTED]\n"))
        #expect(text.contains("> Idempotency-Key: 11111111-2222-4333-8444-555555555555\n"))
        #expect(text.contains("> User-Agent: nsx/9.9.9-test\n"))
        #expect(text.contains(
            #"> {"email":"ada@example.com","password":"[REDACTED]","nested":[{"secret":"[REDACTED]"}],"token":{"id":"tok_1"}}"#))
        #expect(text.contains(#/< 201 \(\d+ ms\) req_abcdefabcdef\n/#))
        #expect(text.contains("< Set-Cookie: [REDACTED]\n"))
        #expect(text.contains(#""token":"[REDACTED]","refresh_token":"[REDACTED]""#))
        #expect(text.contains(#""token_info":{"id":"tok_123","prefix":"nsx_live_ab"}"#))
    }

    @Test("bodies that are not JSON show only their size")
    func opaqueBodies() throws {
        let server = try TestHTTPServer([.respond(status: 200, body: Array("password=hunter2&x=1".utf8))])
        defer { server.stop() }
        let trace = TextCollector()
        let transport = try CurlTransport(settings: testSettings(trace: TextTrace(write: trace.write)))

        _ = try transport.send(HTTPRequest(method: "PUT", url: server.baseURL + "/", body: Array("token=abc".utf8)))

        #expect(trace.text.contains("> [9 bytes]\n"))
        #expect(trace.text.contains("< [20 bytes]\n"))
        #expect(!trace.text.contains("hunter2"))
        #expect(!trace.text.contains("abc"))
    }

    @Test("long bodies are cut, and control characters never reach the terminal")
    func longAndControl() throws {
        let trace = TextCollector()
        let long = "[" + Array(repeating: #""abcdefghij""#, count: 500).joined(separator: ",") + "]"
        TextTrace(bodyLimit: 100, write: trace.write).response(
            HTTPResponse(status: 200, headers: [("X-Note", "a\u{1B}[31mred\u{9B}")], body: Array(long.utf8),
                         elapsed: .milliseconds(42)),
            to: HTTPRequest(url: "https://api.example/"))

        let lines = trace.text.split(separator: "\n")
        #expect(lines.first == "< 200 (42 ms)")
        #expect(lines.contains(#"< X-Note: a\x1B[31mred\x9B"#))
        let bodyLine = try #require(lines.last)
        #expect(bodyLine.hasSuffix("… [\(long.utf8.count) bytes in all]"))
        #expect(bodyLine.count < 150)
    }

    @Test("a failed attempt is traced with its reason")
    func failure() throws {
        let port = try TestHTTPServer([]).closedPort()
        let trace = TextCollector()
        let transport = try CurlTransport(settings: testSettings(trace: TextTrace(write: trace.write)))

        _ = try? transport.send(HTTPRequest(url: "http://127.0.0.1:\(port)/x"))

        #expect(trace.text.hasPrefix("> GET http://127.0.0.1:\(port)/x\n"))
        #expect(trace.text.contains("* GET http://127.0.0.1:\(port)/x failed: could not connect: "))
    }
}
