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

    @Test("loopback hosts", arguments: [
        ("localhost", true), ("LOCALHOST", true), ("localhost.", true), ("127.0.0.1", true), ("127.8.9.10", true),
        ("[::1]", true), ("[0::1]", true),
        ("128.0.0.1", false), ("10.0.0.1", false), ("0.0.0.0", false), ("[::]", false), ("[::2]", false),
        ("localhost.example.com", false), ("mylocalhost", false), ("127.0.0.1.nip.io", false), ("example.com", false),
        ("[::ffff:127.0.0.1]", false),
    ])
    func loopback(host: String, expected: Bool) {
        #expect(RequestURL.isLoopback(host: host) == expected)
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
