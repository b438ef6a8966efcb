import Foundation
import NSXConfig
import NSXHTTP
import NSXCommandLine
import NSXKeyring
import NSXOutput
import Testing
@testable import NSXCLI

/// The tokens routes of the API, in memory, for in-process runs of the tokens commands
/// (`TestCLI`). Every request and every keyring write lands in one event log, so tests
/// can check the order of steps (e.g. rotate stores the new token before revoking the old).
final class TokensFakeServer: @unchecked Sendable {
    static let apiURL = "http://127.0.0.1:9"

    struct Token {
        var id: String
        var name: String
        var environment: String
        var permissions: [String]
        var secret: String
        var createdAt: String
        var expiresAt: String?
        var revokedAt: String?
        var lastUsedAt: String?

        var prefix: String { String(secret.prefix(13)) }

        func json(withSecret: Bool = false) -> String {
            func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
            let perms = permissions.map { "\"\($0)\"" }.joined(separator: ",")
            let secretPart = withSecret ? #","token":"\#(secret)""# : ""
            return #"{"id":"\#(id)","name":"\#(name)","prefix":"\#(prefix)","environment":"\#(environment)","permissions":[\#(perms)],"created_at":"\#(createdAt)","last_used_at":\#(quoted(lastUsedAt)),"expires_at":\#(quoted(expiresAt)),"revoked_at":\#(quoted(revokedAt))\#(secretPart)}"#
        }
    }

    private let lock = NSLock()
    private var tokens: [Token] = []
    private var counter = 0
    private var log: [String] = []
    /// `METHOD path-prefix` → a response that replaces the next matching answer.
    private var faults: [(match: String, response: HTTPResponse)] = []
    /// What `GET /api/v1/me` says about the caller; nil answers 404 (a server without the route).
    var me: HTTPResponse? = Fixtures.me(type: "session", permissions: Permission.all)

    var events: [String] { lock.withLock { log } }
    var all: [Token] { lock.withLock { tokens } }
    func note(_ event: String) { lock.withLock { log.append(event) } }

    /// Adds a token as if made earlier; returns it.
    @discardableResult
    func add(name: String, environment: String = "live", permissions: [String], createdAt: String = "2026-01-01T00:00:00Z",
             expiresAt: String? = nil) -> Token {
        lock.withLock {
            counter += 1
            let token = Token(id: String(format: "tok_seed%08d", counter), name: name, environment: environment,
                              permissions: permissions, secret: Self.secret(environment: environment, seed: counter + 500),
                              createdAt: createdAt, expiresAt: expiresAt)
            tokens.append(token)
            return token
        }
    }

    /// The next request matching `"DELETE /api/v1/tokens"` (method and path prefix) gets `response`.
    func fail(_ match: String, with response: HTTPResponse) {
        lock.withLock { faults.append((match, response)) }
    }

    static func secret(environment: String, seed: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        var body = ""
        for _ in 0..<32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            body.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
        }
        return "nsx_\(environment)_" + body
    }

    func attach(to cli: TestCLI) {
        cli.transport.respond = { [unowned self] request in self.answer(request) }
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        let (path, query) = Self.split(request.url)
        note("\(request.method) \(path)")
        let fault: HTTPResponse? = lock.withLock {
            guard let index = faults.firstIndex(where: { "\(request.method) \(path)".hasPrefix($0.match) }) else { return nil }
            return faults.remove(at: index).response
        }
        if let fault { return fault }
        switch (request.method, path) {
        case ("GET", "/api/v1/me"):
            return me ?? Fixtures.notFound
        case ("GET", "/api/v1/tokens"):
            let listed = lock.withLock {
                tokens.filter { token in
                    (query["include_revoked"] == "true" || token.revokedAt == nil)
                        && query["environment"].map { $0 == token.environment } ?? true
                        && query["name"].map { $0 == token.name } ?? true
                }
            }
            let data = listed.map { $0.json() }.joined(separator: ",")
            return FakeTransport.json(200, #"{"success":true,"data":[\#(data)],"meta":{"limit":20,"next_cursor":null,"has_more":false}}"#)
        case ("POST", "/api/v1/tokens"):
            let body = (try? JSONSerialization.jsonObject(with: Data(request.body ?? []))) as? [String: Any] ?? [:]
            let created: Token = lock.withLock {
                counter += 1
                let environment = body["environment"] as? String ?? "live"
                let token = Token(id: String(format: "tok_new%09d", counter), name: body["name"] as? String ?? "",
                                  environment: environment, permissions: body["permissions"] as? [String] ?? [],
                                  secret: Self.secret(environment: environment, seed: counter),
                                  createdAt: "2026-03-10T12:00:00Z", expiresAt: body["expires_at"] as? String)
                tokens.append(token)
                return token
            }
            return FakeTransport.json(201, #"{"success":true,"data":\#(created.json(withSecret: true))}"#)
        default:
            break
        }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 4, parts[2] == "tokens" else { return Fixtures.notFound }
        let id = parts[3]
        let found: Token? = lock.withLock {
            guard let index = tokens.firstIndex(where: { $0.id == id }) else { return nil }
            if request.method == "DELETE", tokens[index].revokedAt == nil { tokens[index].revokedAt = "2026-03-10T12:00:01Z" }
            return tokens[index]
        }
        guard let found else {
            return FakeTransport.json(404, #"{"success":false,"error":{"code":"NOT_FOUND","message":"Token not found: \#(id)"}}"#)
        }
        return FakeTransport.json(200, #"{"success":true,"data":\#(found.json())}"#)
    }

    static func split(_ url: String) -> (path: String, query: [String: String]) {
        let afterHost = url.dropFirst(apiURL.count)
        let pieces = afterHost.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [String: String] = [:]
        if pieces.count == 2 {
            for pair in pieces[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                if kv.count == 2 { query[kv[0]] = kv[1] }
            }
        }
        return (pieces.first ?? "", query)
    }
}

/// A keyring in memory that records its writes in the fake server's log (and can refuse them).
final class TokensRecordingKeyring: SecretStore, @unchecked Sendable {
    let inner = InMemorySecretStore()
    let server: TokensFakeServer
    var failWrites = false

    init(server: TokensFakeServer) { self.server = server }

    func read(_ key: SecretKey) throws(SecretStoreError) -> String? { try inner.read(key) }

    func write(_ secret: String, for key: SecretKey, label: String) throws(SecretStoreError) {
        if failWrites {
            server.note("keyring write failed \(key.profile)")
            throw .locked
        }
        server.note("keyring write \(key.profile)")
        try inner.write(secret, for: key, label: label)
    }

    func delete(_ key: SecretKey) throws(SecretStoreError) -> Bool {
        server.note("keyring delete \(key.profile)")
        return try inner.delete(key)
    }
}

/// A TestCLI wired to the fake tokens server, logged in as `profile` with a session or a token.
struct TokensWorld {
    let cli = TestCLI()
    let server = TokensFakeServer()
    let keyring: TokensRecordingKeyring

    init() {
        keyring = TokensRecordingKeyring(server: server)
        cli.keyring = keyring
        cli.environment["NSX_API_URL"] = TokensFakeServer.apiURL
        server.attach(to: cli)
    }

    /// Stores a session login for `profile`.
    func logInWithSession(profile: String = "default") throws {
        try store(profile: profile, secret: "session-secret-for-tests",
                  facts: ProfileFacts(apiURL: TokensFakeServer.apiURL, credentialType: .session, email: "tester@example.com",
                                      userID: "usr_abc123def456", userName: "Test User", permissions: Permission.all))
    }

    /// Stores `token` as `profile`'s credential, as `login --with-token` or `--save` would.
    func logIn(profile: String, token: TokensFakeServer.Token) throws {
        try store(profile: profile, secret: token.secret,
                  facts: ProfileFacts(apiURL: TokensFakeServer.apiURL, credentialType: .apiToken,
                                      tokenID: token.id, tokenName: token.name, tokenPrefix: token.prefix,
                                      environment: APIEnvironment(rawValue: token.environment) ?? .live, permissions: token.permissions, expiresAt: token.expiresAt))
    }

    private func store(profile: String, secret: String, facts: ProfileFacts) throws {
        try keyring.inner.write(secret, for: SecretKey(profile: profile, apiURL: TokensFakeServer.apiURL), label: "test")
        try cli.config.update { document in document.profiles[profile] = facts }
    }

    func secret(profile: String) -> String? {
        try? keyring.inner.read(SecretKey(profile: profile, apiURL: TokensFakeServer.apiURL))
    }

    func facts(profile: String) -> ProfileFacts? {
        try? cli.config.load().profiles[profile]
    }

    func run(_ argv: [String], terminal: Bool = false, answers: [String] = []) -> CLIRun {
        cli.run(argv, terminal: terminal, answers: answers)
    }

    /// Only the API requests of the log (`POST /api/v1/tokens`, …).
    var requests: [String] { server.events.filter { !$0.hasPrefix("keyring") } }
}

@Suite("the in-memory tokens server used by the command tests")
struct TokensFakeServerTests {
    @Test("created tokens look like real ones and are listed until revoked")
    func lifecycle() throws {
        let world = TokensWorld()
        try world.logInWithSession()
        let token = world.server.add(name: "ci", permissions: ["servers:read"])
        #expect(TokenFormat.isAPIToken(token.secret))
        #expect(world.run(["tokens", "list", "-q"]).stdout == "\(token.id)\n")
        #expect(world.run(["tokens", "revoke", token.id, "--yes"]).status == 0)
        #expect(world.run(["tokens", "list", "-q"]).stdout == "")
        #expect(world.run(["tokens", "list", "-q", "--include-revoked"]).stdout == "\(token.id)\n")
    }
}
