import Foundation
import NSXConfig
import NSXHTTP
import NSXJSON
import NSXKeyring
import Testing
@testable import NSXCLI

/// `login` and `logout` against a fake API and an in-memory keyring.
struct LoginCommandTests {
    static let apiURL = "http://127.0.0.1:9999"
    static let key = SecretKey(profile: "default", apiURL: apiURL)

    func sessionServer(_ cli: TestCLI, session: String) {
        let expiresAt = Fixtures.rfc3339(Date().addingTimeInterval(86_400))
        cli.transport.respond = { request in
            switch (request.method, request.url) {
            case ("POST", "\(Self.apiURL)/auth/login"): Fixtures.login(token: session, expiresAt: expiresAt)
            case ("GET", "\(Self.apiURL)/api/v1/me"): Fixtures.me(type: "session", permissions: Permission.all, expiresAt: expiresAt)
            case ("POST", "\(Self.apiURL)/auth/logout"): FakeTransport.json(200, #"{"success":true,"data":null}"#)
            default: Fixtures.notFound
            }
        }
    }

    func makeCLI() -> TestCLI {
        let cli = TestCLI()
        cli.environment["NSX_API_URL"] = Self.apiURL
        return cli
    }

    @Test func passwordFromStdinStoresTheSessionAndTheFacts() throws {
        let cli = makeCLI()
        let session = Fixtures.jwt(expiringIn: 86_400)
        sessionServer(cli, session: session)
        let run = cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "hunter2 with spaces\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("✓ Logged in to \(Self.apiURL) as Test User (tester@example.com)"))

        let login = try #require(cli.transport.requests.first)
        #expect(login.method == "POST" && login.url.hasSuffix("/auth/login"))
        let body = try JSONValue.parse(login.body ?? [])
        #expect(body["password"]?.stringValue == "hunter2 with spaces", "one trailing newline stripped, nothing else")
        #expect(body["email"]?.stringValue == "tester@example.com")
        #expect(login.header("Authorization") == nil)

        #expect(try cli.keyring.read(Self.key) == session)
        #expect((cli.keyring as? InMemorySecretStore)?.label(for: Self.key) == "nsx: default (\(Self.apiURL))")
        let facts = try #require(try cli.config.load().profiles["default"])
        #expect(facts.apiURL == Self.apiURL)
        #expect(facts.credentialType == .session)
        #expect(facts.storage == .keyring)
        #expect(facts.email == "tester@example.com" && facts.userName == "Test User" && facts.userID == "usr_abc123def456")
        #expect(facts.permissions == Permission.all)
        #expect(facts.environment == .live)
        #expect(facts.expiresAt != nil)
        let file = try String(contentsOf: cli.configDir.appendingPathComponent("config.json"), encoding: .utf8)
        #expect(!file.contains(session) && !file.contains("hunter2"))
    }

    @Test func carriageReturnLineEndingIsStrippedToo() throws {
        let cli = makeCLI()
        sessionServer(cli, session: Fixtures.jwt(expiringIn: 86_400))
        #expect(cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "pw\r\n").status == 0)
        #expect(try JSONValue.parse(cli.transport.requests[0].body ?? [])["password"]?.stringValue == "pw")
    }

    @Test func promptsOnATerminal() throws {
        let cli = makeCLI()
        sessionServer(cli, session: Fixtures.jwt(expiringIn: 86_400))
        let run = cli.run(["login"], terminal: true, answers: ["tester@example.com", "secret pw"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.hasPrefix("Email: \nPassword: [hidden]\n"), "the password prompt hides what is typed")
        #expect(try JSONValue.parse(cli.transport.requests[0].body ?? [])["password"]?.stringValue == "secret pw")
    }

    @Test func noInputOnATerminalIsAUsageError() {
        let cli = makeCLI()
        let run = cli.run(["login", "--no-input"], terminal: true, answers: ["tester@example.com", "pw"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs a terminal"))
        #expect(cli.transport.requests.isEmpty)
    }

    @Test(arguments: [SecretStoreError.noSecretService("no D-Bus session"), .locked, .timedOut])
    func anUnusableKeyringFailsBeforeThePasswordIsSent(_ failure: SecretStoreError) throws {
        let cli = makeCLI()
        cli.keyring = FailingSecretStore(failure)
        sessionServer(cli, session: Fixtures.jwt(expiringIn: 86_400))
        let run = cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "pw\n")
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("--insecure-storage"))
        #expect(cli.transport.requests.isEmpty, "nothing sent")
        #expect(!FileManager.default.fileExists(atPath: cli.configDir.path), "nothing written")
    }

    @Test func insecureStorageUsesTheFileAndWarns() throws {
        let cli = makeCLI()
        cli.keyring = FailingSecretStore(.noSecretService("no D-Bus session"))
        let session = Fixtures.jwt(expiringIn: 86_400)
        sessionServer(cli, session: session)
        let run = cli.run(["login", "--email", "tester@example.com", "--password-stdin", "--insecure-storage"], stdin: "pw\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("warning: the secret is stored unencrypted in \(cli.configDir.path)/credentials.json (mode 0600)"))
        #expect(try FileSecretStore(folder: cli.configDir.path).read(Self.key) == session)
        #expect(try cli.config.load().profiles["default"]?.storage == .file)
    }

    @Test func wrongPasswordIsExit3WithTheServersMessage() {
        let cli = makeCLI()
        cli.transport.respond = { _ in
            FakeTransport.json(401, #"{"success":false,"error":{"code":"INVALID_CREDENTIALS","message":"Invalid email or password"}}"#)
        }
        let run = cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "wrong\n")
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("error: Invalid email or password\n"))
        #expect(!run.stderr.contains("wrong"))
        #expect(!FileManager.default.fileExists(atPath: cli.configDir.appendingPathComponent("config.json").path))
    }

    @Test func throttledLoginIsExit8WithTheWait() {
        let cli = makeCLI()
        cli.transport.respond = { _ in
            FakeTransport.json(429, #"{"success":false,"error":{"code":"RATE_LIMITED","message":"Too many failed login attempts"}}"#,
                               headers: [("Retry-After", "900")])
        }
        let run = cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "pw\n")
        #expect(run.status == 8, "\(run)")
        #expect(run.stderr.contains("15 minutes"))
    }

    @Test func withTokenVerifiesAndStoresTheToken() throws {
        let cli = makeCLI()
        let token = "nsx_test_" + TokenFormatTests.body
        let tokenObject = #"{"id":"tok_abc123def456","name":"ci","prefix":"nsx_test_aB3a","environment":"test","permissions":["servers:read"]}"#
        cli.transport.respond = { request in
            request.url.hasSuffix("/api/v1/me")
                ? Fixtures.me(type: "api_token", environment: "test", permissions: ["servers:read"], token: tokenObject)
                : Fixtures.notFound
        }
        let run = cli.run(["login", "--with-token", "--profile", "ci"], stdin: "  \(token)\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("Token: ci (nsx_test_aB3a…)"))
        #expect(run.stderr.contains("Environment: TEST"))
        #expect(run.stderr.contains("Permissions: servers:read"))
        #expect(cli.transport.requests.map(\.method) == ["GET"])
        #expect(cli.transport.requests[0].header("Authorization") == "Bearer \(token)")
        #expect(try cli.keyring.read(SecretKey(profile: "ci", apiURL: Self.apiURL)) == token)
        let facts = try #require(try cli.config.load().profiles["ci"])
        #expect(facts.credentialType == .apiToken && facts.tokenID == "tok_abc123def456" && facts.tokenName == "ci")
        #expect(facts.tokenPrefix == "nsx_test_aB3a" && facts.environment == .test && facts.permissions == ["servers:read"])
    }

    @Test func withTokenRejectsWhatIsNotAToken() {
        let cli = makeCLI()
        let run = cli.run(["login", "--with-token"], stdin: "ghp_notours\n")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: that is not an API token: an API token starts with nsx_live_ or nsx_test_\n"))
        #expect(!run.stderr.contains("ghp_notours"), "the secret is never echoed")
        #expect(cli.transport.requests.isEmpty)
    }

    @Test func withTokenRejectedByTheServerIsExit3() {
        let cli = makeCLI()
        cli.transport.respond = { _ in Fixtures.unauthorized }
        let run = cli.run(["login", "--with-token"], stdin: "nsx_live_\(TokenFormatTests.body)\n")
        #expect(run.status == 3)
        #expect(run.stderr.contains("rejected this API token"))
        #expect(!FileManager.default.fileExists(atPath: cli.configDir.appendingPathComponent("config.json").path))
    }

    @Test func loggingInAgainEndsTheReplacedSession() throws {
        let cli = makeCLI()
        let first = Fixtures.jwt(expiringIn: 86_400)
        sessionServer(cli, session: first)
        #expect(cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "pw\n").status == 0)
        let second = Fixtures.jwt(expiringIn: 86_401)
        sessionServer(cli, session: second)
        #expect(cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "pw\n").status == 0)
        #expect(try cli.keyring.read(Self.key) == second)
        let logout = try #require(cli.transport.requests.last)
        #expect(logout.url.hasSuffix("/auth/logout"))
        #expect(logout.header("Authorization") == "Bearer \(first)")
    }

    @Test func logoutEndsTheSessionAndForgetsIt() throws {
        let cli = makeCLI()
        let session = Fixtures.jwt(expiringIn: 86_400)
        sessionServer(cli, session: session)
        #expect(cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "pw\n").status == 0)
        let run = cli.run(["logout"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("✓ Logged out of \(Self.apiURL)"))
        #expect(cli.transport.requests.last?.url == "\(Self.apiURL)/auth/logout")
        #expect(cli.transport.requests.last?.header("Authorization") == "Bearer \(session)")
        #expect(try cli.keyring.read(Self.key) == nil)
        #expect(try cli.config.load().profiles.isEmpty)
    }

    @Test func logoutWithoutServerSupportStillForgets() throws {
        let cli = makeCLI()
        sessionServer(cli, session: Fixtures.jwt(expiringIn: 86_400))
        #expect(cli.run(["login", "--email", "tester@example.com", "--password-stdin"], stdin: "pw\n").status == 0)
        cli.transport.respond = { _ in Fixtures.notFound }
        let run = cli.run(["logout"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("this server does not support /auth/logout"))
        #expect(try cli.keyring.read(Self.key) == nil)
    }

    @Test func logoutWhenNotLoggedInIsExit3AndAllIsFine() {
        let cli = makeCLI()
        let single = cli.run(["logout"])
        #expect(single.status == 3)
        #expect(single.stderr.hasPrefix("error: not logged in (profile \"default\")\n"))
        let all = cli.run(["logout", "--all"])
        #expect(all.status == 0)
        #expect(all.stderr.contains("nothing to log out of"))
    }
}
