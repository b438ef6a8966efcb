import CCurlShim
import Foundation
@testable import NSXHTTP
import Synchronization
import Testing

@Suite("TLS: always verified, a private CA trusted as well")
struct TLSTests {
    let fixture = TLSFixture.shared

    private func server(issuedBy ca: String) throws -> TLSTestServer {
        let (certificate, key) = fixture.serverCertificate(issuedBy: ca)
        return try TLSTestServer(certificate: certificate, key: key)
    }

    @Test("a certificate from an unknown CA is a TLS error")
    func unknownCA() throws {
        let server = try server(issuedBy: fixture.privateCA)
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings())

        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(url: server.baseURL + "/"))
        }
        guard case .tls(let message) = error else {
            Issue.record("expected tls, got \(String(describing: error))")
            return
        }
        #expect(message.contains("certificate"))
    }

    /// Credential headers are asked for once the handshake is done (`HTTPRequest.credentialHeaders`):
    /// a server that fails verification never gets near them.
    @Test("over https the credential is asked for only after a verified handshake", arguments: [false, true])
    func credentialAfterHandshake(trusted: Bool) throws {
        let server = try server(issuedBy: fixture.privateCA)
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(caBundlePath: trusted ? fixture.privateCA : nil))
        let asked = Mutex(0)
        let request = HTTPRequest(url: server.baseURL + "/", credentialHeaders: {
            asked.withLock { $0 += 1 }
            return [("Authorization", "Bearer late")]
        })

        if trusted {
            #expect(try transport.send(request).status == 200)
            #expect(asked.withLock { $0 } == 1)
        } else {
            #expect(throws: TransportError.self) { try transport.send(request) }
            #expect(asked.withLock { $0 } == 0, "asked for the credential before the certificate was verified")
        }
    }

    @Test("--cacert makes the private CA trusted")
    func privateCATrusted() throws {
        let server = try server(issuedBy: fixture.privateCA)
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(caBundlePath: fixture.privateCA))

        #expect(try transport.send(HTTPRequest(url: server.baseURL + "/")).status == 200)
    }

    @Test("with --cacert the system CAs stay trusted too", arguments: [true, false])
    func bothTrusted(serverUsesSystemCA: Bool) throws {
        let server = try server(issuedBy: serverUsesSystemCA ? fixture.systemCA : fixture.privateCA)
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(
            caBundlePath: fixture.privateCA, systemCABundlePath: fixture.systemCA))

        #expect(try transport.send(HTTPRequest(url: server.baseURL + "/")).status == 200)
    }

    @Test("the host name is verified, not just the chain")
    func hostNameVerified() throws {
        let server = try server(issuedBy: fixture.privateCA)
        defer { server.stop() }
        let transport = try CurlTransport(settings: testSettings(caBundlePath: fixture.privateCA))

        // The certificate names 127.0.0.1 only.
        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(url: "https://localhost:\(server.port)/"))
        }
        guard case .tls = error else {
            Issue.record("expected tls, got \(String(describing: error))")
            return
        }
    }

    @Test("an unusable CA file is a clear TLS error up front", arguments: [false, true])
    func unusableCAFile(fileExists: Bool) {
        let path = fileExists ? fixture.notPEM : "/nonexistent/nsx-ca.pem"
        let error = #expect(throws: TransportError.self) {
            try CurlTransport(settings: testSettings(caBundlePath: path))
        }
        guard case .tls(let message) = error else {
            Issue.record("expected tls, got \(String(describing: error))")
            return
        }
        #expect(message.contains(path))
        #expect(message.contains(fileExists ? "no PEM certificate" : "No such file or directory"))
    }

    @Test("a TLS failure is not retried")
    func notRetried() throws {
        let server = try server(issuedBy: fixture.privateCA)
        defer { server.stop() }
        let transport = CountingTransport(try CurlTransport(settings: testSettings()))
        let waits = RecordingSleeper()
        let client = RetryingClient(transport: transport, sleeper: waits.sleeper)

        let error = #expect(throws: HTTPClientError.self) {
            try client.send(HTTPRequest(url: server.baseURL + "/"))
        }
        guard case .transport(.tls) = error else {
            Issue.record("expected tls, got \(String(describing: error))")
            return
        }
        #expect(transport.attempts == 1)
        #expect(waits.delays.isEmpty)
    }
}

@Suite("The system CA bundle")
struct SystemBundleTests {
    @Test("libcurl names a readable PEM bundle, which --cacert adds to")
    func defaultBundle() throws {
        let handle = try #require(nsx_curl_easy_init())
        defer { nsx_curl_easy_cleanup(handle) }

        let path = try #require(CurlTransport.libcurlDefaultCABundle(handle))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("-----BEGIN CERTIFICATE-----"))
    }
}
