import Foundation
@testable import NSXHTTP
import Testing

@Suite("Transport policy")
struct TransportPolicyTests {
    @Test("http to loopback is allowed to try", arguments: [
        "http://127.0.0.1:PORT/", "http://127.0.0.2:PORT/", "http://127.255.255.254:PORT/", "http://localhost:PORT/",
        "http://LocalHost:PORT/", "http://[::1]:PORT/", "http://[0:0:0:0:0:0:0:1]:PORT/", "http://2130706433:PORT/",
    ])
    func loopbackAllowed(url: String) throws {
        let port = try TestHTTPServer([]).closedPort()
        let transport = try CurlTransport(settings: testSettings())
        let url = url.replacingOccurrences(of: "PORT", with: String(port))

        // Nothing listens there, so the attempt fails; what matters is that it was made.
        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(url: url))
        }
        guard case .couldNotConnect = error else {
            Issue.record("expected couldNotConnect, got \(String(describing: error))")
            return
        }
    }

    @Test("loopback hosts: the literal addresses and `localhost`, nothing a resolver would answer for", arguments: [
        ("localhost", true), ("LOCALHOST", true), ("127.0.0.1", true), ("127.8.9.10", true),
        ("[::1]", true), ("[0::1]", true), ("::1", true),
        ("localhost.", false), ("web.localhost", false), ("LOCALHOST.", false),
        ("128.0.0.1", false), ("10.0.0.1", false), ("0.0.0.0", false), ("[::]", false), ("[::2]", false),
        ("localhost.example.com", false), ("mylocalhost", false), ("127.0.0.1.nip.io", false), ("example.com", false),
        ("[::ffff:127.0.0.1]", false),
    ])
    func loopback(host: String, expected: Bool) {
        #expect(Loopback.contains(host: host) == expected)
    }

    @Test("plain http to a name that needs a resolver is refused before any connection", arguments: [
        "http://localhost.:PORT/", "http://web.localhost:PORT/",
    ])
    func resolvedNamesRefused(url: String) throws {
        let server = try TestHTTPServer([.json(200, "{}")])
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())
        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(url: url.replacingOccurrences(of: "PORT", with: String(server.port)),
                                           headers: [("Authorization", "Bearer secret")]))
        }
        guard case .schemeRefused = error else {
            Issue.record("expected schemeRefused, got \(String(describing: error))")
            return
        }
        #expect(server.connectionCount == 0)
    }

    @Test("`localhost` is pinned to loopback addresses; literal addresses need no pin")
    func localhostPinned() throws {
        #expect(Loopback.pinned(host: "localhost", port: 8080) == "localhost:8080:127.0.0.1,[::1]")
        #expect(Loopback.pinned(host: "127.0.0.1", port: 8080) == nil)
        #expect(try RequestURL("http://localhost:8080/").pinnedResolve == "localhost:8080:127.0.0.1,[::1]")
        #expect(try RequestURL("http://localhost/").pinnedResolve == "localhost:80:127.0.0.1,[::1]")
        #expect(try RequestURL("https://example.com/").pinnedResolve == nil)

        // And it still reaches a server on 127.0.0.1.
        let server = try TestHTTPServer([.json(200, #"{"ok":true}"#)])
        defer { server.stop() }
        let response = try CurlTransport(settings: testSettings()).send(HTTPRequest(url: "http://localhost:\(server.port)/"))
        #expect(response.status == 200)
    }

    @Test("NO_PROXY always gains loopback", arguments: [
        (nil, "localhost,127.0.0.0/8,::1"),
        ("", "localhost,127.0.0.0/8,::1"),
        ("internal.example, .corp", "internal.example,.corp,localhost,127.0.0.0/8,::1"),
        ("localhost,10.0.0.0/8", "localhost,10.0.0.0/8,127.0.0.0/8,::1"),
        ("*", "*"),
    ] as [(String?, String)])
    func noProxy(user: String?, expected: String) {
        #expect(NoProxyList.merged(withUserValue: user) == expected)
    }

    @Test("no_proxy wins over NO_PROXY, as in libcurl")
    func noProxyEnvironment() {
        let both = ["no_proxy": "a.example", "NO_PROXY": "b.example"]
        #expect(NoProxyList.fromEnvironment { both[$0] } == "a.example,localhost,127.0.0.0/8,::1")
        let upper = ["NO_PROXY": "b.example"]
        #expect(NoProxyList.fromEnvironment { upper[$0] } == "b.example,localhost,127.0.0.0/8,::1")
    }

    @Test("header names and values lose what could end a line", arguments: [
        ("X-A", "v", "X-A: v"), ("X-A", " v \t", "X-A: v"), ("X-A", "a\r\nB: c", "X-A: aB: c"),
        ("X-A\r\nB", "v", "X-AB: v"), ("X-A: b", "v", "X-Ab: v"), ("X-Empty", "", "X-Empty;"), ("X-A", "\r\n", "X-A;"),
    ])
    func headerLines(name: String, value: String, line: String) {
        #expect(HeaderField.requestLine(name: HeaderField.name(name), value: HeaderField.value(value)) == line)
    }
}
