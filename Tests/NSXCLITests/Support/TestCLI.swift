import Foundation
import NSXCommandLine
import NSXConfig
import NSXHTTP
import NSXJSON
import NSXKeyring
import NSXOutput
@testable import NSXCLI

/// One run of nsx inside the test process: what it printed and how it ended.
struct CLIRun: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A fake network: each request is answered by `respond`, and every request is recorded.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private var askedLate: [Bool] = []
    private var attemptCount = 0
    var respond: (HTTPRequest) throws(TransportError) -> HTTPResponse
    /// Set: every attempt fails with this before it is connected, so before any credential
    /// headers are asked for.
    var failsToConnect: TransportError?

    init(_ respond: @escaping (HTTPRequest) throws(TransportError) -> HTTPResponse = { _ in FakeTransport.json(404, #"{"success":false,"error":{"code":"NOT_FOUND","message":"Not found"}}"#) }) {
        self.respond = respond
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }
    /// For each request sent, whether its credential headers were asked for only once
    /// "connected" (`HTTPRequest.credentialHeaders`) rather than given up front.
    var credentialsAskedLate: [Bool] { lock.withLock { askedLate } }
    /// Every `send`, sent or not.
    var attempts: Int { lock.withLock { attemptCount } }

    /// Records the request as sent: credential headers asked for first, as `CurlTransport`
    /// does once connected (nothing is recorded when they cannot be had).
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        lock.withLock { attemptCount += 1 }
        if let failsToConnect { throw failsToConnect }
        let sent = try request.withCredentialHeaders()
        lock.withLock {
            recorded.append(sent)
            askedLate.append(request.credentialHeaders != nil)
        }
        return try respond(sent)
    }

    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json"), ("X-Request-Id", "req_test00000001")] + headers,
                     body: Array(body.utf8), elapsed: .milliseconds(3))
    }
}

/// A keyring that answers every call with the same failure (no Secret Service, locked, …).
final class FailingSecretStore: SecretStore {
    let error: SecretStoreError
    init(_ error: SecretStoreError) { self.error = error }
    func read(_ key: SecretKey) throws(SecretStoreError) -> String? { throw error }
    func write(_ secret: String, for key: SecretKey, label: String) throws(SecretStoreError) { throw error }
    func delete(_ key: SecretKey) throws(SecretStoreError) -> Bool { throw error }
}

/// nsx run in-process with a private config folder, an in-memory keyring and a fake network:
/// `NSXApp.run` itself, with those handed in as its dependencies.
final class TestCLI {
    let configDir: URL
    var keyring: any SecretStore = InMemorySecretStore()
    let transport = FakeTransport()
    var environment: [String: String]
    /// Retries and `--wait` pause for nothing in unit tests.
    var sleeper = Sleeper { _ throws(TransportError) in }
    /// The deadline each run gave the keyring it made.
    private(set) var keyringDeadlines: [Duration] = []
    /// The keyring items runs asked `Dependencies.warmUp` to start reading early.
    private(set) var warmUpKeys: [SecretKey] = []
    var warmUps: Int { warmUpKeys.count }
    /// What `Dependencies.warmUp` answers: true stands for a read running ahead in a child
    /// process, so the run's first request asks for its credential only once "connected".
    var readsAhead = false

    init() {
        configDir = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-unit-\(UUID().uuidString)")
        environment = ["NSX_CONFIG_DIR": configDir.path, "HOME": "/nonexistent"]
    }

    deinit { try? FileManager.default.removeItem(at: configDir) }

    var config: ConfigStore { ConfigStore(location: ConfigLocation(folder: configDir.path)) }

    /// Runs argv. `terminal` makes every stream a terminal; `answers` are what the person
    /// types at prompts, in order (prompts are recorded in `prompts`).
    func run(_ argv: [String], stdin: String? = nil, terminal: Bool = false, answers: [String] = []) -> CLIRun {
        let out = BufferSink(), err = BufferSink()
        var remaining = answers
        let streams = IOStreams(out: out, err: err, stdinIsTerminal: terminal, stdoutIsTerminal: terminal, stderrIsTerminal: terminal,
                                readInput: { stdin.map { Array($0.utf8) } ?? [] },
                                readLine: { question, hidden in
                                    err.write(question + (hidden ? "[hidden]\n" : "\n"))
                                    return remaining.isEmpty ? nil : remaining.removeFirst()
                                },
                                width: { 100 })
        let keyring = self.keyring
        let transport = self.transport
        let dependencies = Dependencies(makeKeyring: { [unowned self] deadline in
                                            keyringDeadlines.append(deadline)
                                            return keyring
                                        },
                                        makeTransport: { _ in transport }, sleeper: sleeper,
                                        warmUp: { [unowned self] key in
                                            warmUpKeys.append(key)
                                            return readsAhead
                                        })
        let status = NSXApp.run(arguments: argv, environment: environment, streams: streams, dependencies: dependencies)
        return CLIRun(status: status, stdout: out.text, stderr: err.text)
    }
}

/// Bodies a Nurosentrix server would send.
enum Fixtures {
    static let user = #"{"id":"usr_abc123def456","email":"tester@example.com","name":"Test User"}"#

    /// A JWT whose payload carries `exp` (the signature is not checked by nsx).
    static func jwt(expiringIn seconds: TimeInterval, now: Date = Date()) -> String {
        func b64(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let exp = Int(now.timeIntervalSince1970 + seconds)
        return b64(#"{"alg":"HS256","typ":"JWT"}"#) + "." + b64(#"{"sub":"usr_abc123def456","exp":\#(exp)}"#) + ".c2lnbmF0dXJl"
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func login(token: String, expiresAt: String) -> HTTPResponse {
        FakeTransport.json(200, #"{"success":true,"data":{"token":"\#(token)","expires_at":"\#(expiresAt)","user":\#(user)}}"#)
    }

    static func me(type: String, environment: String = "live", permissions: [String], token: String = "null", expiresAt: String? = nil) -> HTTPResponse {
        let perms = permissions.map { "\"\($0)\"" }.joined(separator: ",")
        let expiry = expiresAt.map { "\"\($0)\"" } ?? "null"
        return FakeTransport.json(200, #"{"success":true,"data":{"user":\#(user),"auth":{"type":"\#(type)","environment":"\#(environment)","permissions":[\#(perms)],"token":\#(token),"expires_at":\#(expiry)}}}"#)
    }

    static let unauthorized = FakeTransport.json(401, #"{"success":false,"error":{"code":"UNAUTHORIZED","message":"Invalid or missing authentication token"}}"#)
    static let notFound = FakeTransport.json(404, #"{"success":false,"error":{"code":"NOT_FOUND","message":"Not found"}}"#)
}
