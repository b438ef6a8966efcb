import Foundation

/// Throwaway certificate authorities and server certificates, made once per test run with
/// the openssl command-line tool.
struct TLSFixture: Sendable {
    let folder: String
    /// Two unrelated CAs: "system" stands in for the system bundle, "private" for `--cacert`.
    var systemCA: String { folder + "/system-ca.pem" }
    var privateCA: String { folder + "/private-ca.pem" }
    var notPEM: String { folder + "/not-a-certificate.txt" }

    /// A server certificate for 127.0.0.1 (and only that address) issued by the named CA.
    func serverCertificate(issuedBy ca: String) -> (certificate: String, key: String) {
        let name = ca == systemCA ? "system" : "private"
        return (folder + "/server-\(name).pem", folder + "/server-\(name).key")
    }

    private static let temporaryFolder = NSTemporaryDirectory() + "nsxhttp-tls-" + UUID().uuidString

    static let shared: TLSFixture = {
        let folder = temporaryFolder
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TLSFixture.temporaryFolder) }
        try! "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
            .write(toFile: "\(folder)/server.ext", atomically: true, encoding: .utf8)
        try! "just some text\n".write(toFile: folder + "/not-a-certificate.txt", atomically: true, encoding: .utf8)
        let ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for name in ["system", "private"] {
            openssl(["req", "-x509"] + ecKey + ["-keyout", "\(folder)/\(name)-ca.key", "-out", "\(folder)/\(name)-ca.pem",
                     "-subj", "/CN=nsx test \(name) CA", "-days", "2"])
            openssl(["req"] + ecKey + ["-keyout", "\(folder)/server-\(name).key", "-out", "\(folder)/server-\(name).csr",
                     "-subj", "/CN=127.0.0.1"])
            openssl(["x509", "-req", "-in", "\(folder)/server-\(name).csr", "-CA", "\(folder)/\(name)-ca.pem",
                     "-CAkey", "\(folder)/\(name)-ca.key", "-CAcreateserial", "-days", "2",
                     "-extfile", "\(folder)/server.ext", "-out", "\(folder)/server-\(name).pem"])
        }
        return TLSFixture(folder: folder)
    }()

    private static func openssl(_ arguments: [String]) {
        let succeeded = (try? ChildProcess.run("/usr/bin/openssl", arguments)) ?? false
        precondition(succeeded, "openssl \(arguments.joined(separator: " ")) failed")
    }
}

/// `openssl s_server -www` on 127.0.0.1 and a free port: answers every request with 200.
final class TLSTestServer: Sendable {
    let port: Int
    private let child: ChildProcess

    var baseURL: String { "https://127.0.0.1:\(port)" }

    init(certificate: String, key: String) throws {
        child = try ChildProcess("/usr/bin/openssl",
                                 ["s_server", "-accept", "127.0.0.1:0", "-cert", certificate, "-key", key, "-www"])
        // s_server announces "ACCEPT 127.0.0.1:<port>" once it listens.
        let text = child.read { $0.contains("ACCEPT") && $0.hasSuffix("\n") }
        guard let match = text.firstMatch(of: /ACCEPT 127\.0\.0\.1:(\d+)/), let port = Int(match.1) else {
            child.terminate()
            throw POSIXError(.EPROTO)
        }
        self.port = port
    }

    func stop() { child.terminate() }
}
