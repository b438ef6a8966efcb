import Foundation
import NSXConfig
import NSXJSON
import NSXKeyring
import Testing
@testable import NSXCLI

/// `auth status|token|refresh|list` against a fake API and an in-memory keyring.
struct AuthCommandTests {
    static let apiURL = "http://127.0.0.1:9999"

    /// A stored session (keyring + facts) expiring in `seconds`.
    func loggedIn(_ cli: TestCLI, profile: String = "default", expiringIn seconds: TimeInterval = 86_000,
                  permissions: [String] = Permission.all) throws -> String {
        let session = Fixtures.jwt(expiringIn: seconds)
        try cli.keyring.write(session, for: SecretKey(profile: profile, apiURL: Self.apiURL), label: "test")
        let expiresAt = Fixtures.rfc3339(Date().addingTimeInterval(seconds))
        try cli.config.update { document in
            document.profiles[profile] = ProfileFacts(apiURL: Self.apiURL, credentialType: .session, email: "tester@example.com",
                                                      userID: "usr_abc123def456", userName: "Test User",
                                                      permissions: permissions, expiresAt: expiresAt)
        }
        cli.transport.respond = { request in
            request.url.hasSuffix("/api/v1/me") ? Fixtures.me(type: "session", permissions: Permission.all, expiresAt: expiresAt) : Fixtures.notFound
        }
        return session
    }

    func makeCLI() -> TestCLI {
        let cli = TestCLI()
        cli.environment["NSX_API_URL"] = Self.apiURL
        return cli
    }

    @Test func statusJSONHasExactlyTheDocumentedKeys() throws {
        let cli = makeCLI()
        let session = try loggedIn(cli)
        let run = cli.run(["auth", "status", "--json"])
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONValue.parse(run.stdout).objectValue)
        #expect(object.keys == ["profile", "api_url", "authenticated", "source", "type", "environment", "user", "permissions", "expires_at", "token"])
        #expect(object["profile"] == "default")
        #expect(object["api_url"] == .string(Self.apiURL))
        #expect(object["authenticated"] == true)
        #expect(object["source"] == "keyring")
        #expect(object["type"] == "session")
        #expect(object["environment"] == "live")
        #expect(object["user"]?["email"] == "tester@example.com")
        #expect(object["permissions"]?.arrayValue?.count == 10)
        #expect(object["token"] == .null)
        #expect(!run.stdout.contains(session) && !run.stderr.contains(session))
    }

    @Test func statusTableShowsBadgeAndCompactPermissions() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli)
        let run = cli.run(["auth", "status"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Profile:      default\n"))
        #expect(run.stdout.contains("Environment:  LIVE\n"))
        #expect(run.stdout.contains("Permissions:  servers:rw instances:rw+actions backups:rw+restore settings:rw\n"))
        #expect(run.stdout.contains("Credential:   session from the keyring\n"))
        #expect(run.stdout.contains("Expires:      in 24 hours"), "a fresh 24-hour session, rounded to the nearest hour")
        #expect(!run.stdout.contains("\u{1B}["), "no colour when piped")
    }

    @Test func statusColoursTheBadgeOnATerminal() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli)
        let run = cli.run(["auth", "status"], terminal: true)
        #expect(run.stdout.contains("\u{1B}[1m\u{1B}[31mLIVE"))
    }

    @Test func statusWithoutLoginIsExit3AndStillPrintsJSON() throws {
        let cli = makeCLI()
        let run = cli.run(["auth", "status", "--json"])
        #expect(run.status == 3)
        let object = try JSONValue.parse(run.stdout)
        #expect(object["authenticated"] == false)
        #expect(object["source"] == .null && object["user"] == .null && object["token"] == .null)
        #expect(object["permissions"] == .array([]))
        #expect(run.stderr.contains(#""code":"UNAUTHORIZED""#))
        #expect(cli.transport.requests.isEmpty)
    }

    @Test func statusWithARejectedCredentialIsExit3() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli)
        cli.transport.respond = { _ in Fixtures.unauthorized }
        let run = cli.run(["auth", "status"])
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("error: the server rejected the stored session: Invalid or missing authentication token\n"))
        #expect(run.stdout.isEmpty)
    }

    @Test func statusOnAServerWithoutMeFallsBackToStoredFacts() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli)
        cli.transport.respond = { _ in Fixtures.notFound }
        let run = cli.run(["auth", "status"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("User:         Test User (tester@example.com)"))
        #expect(run.stderr.contains("this server does not support /api/v1/me"))
    }

    @Test func nsxTokenBeatsTheStoredLogin() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli)
        let token = "nsx_live_" + TokenFormatTests.body
        cli.environment["NSX_TOKEN"] = token
        cli.transport.respond = { _ in
            Fixtures.me(type: "api_token", permissions: ["servers:read"],
                        token: #"{"id":"tok_abc123def456","name":"env-token","prefix":"nsx_live_aB3a"}"#)
        }
        let run = cli.run(["auth", "status", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        let object = try JSONValue.parse(run.stdout)
        #expect(object["source"] == "env" && object["type"] == "api_token")
        #expect(object["token"] == .object(["id": "tok_abc123def456", "name": "env-token", "prefix": "nsx_live_aB3a"]))
        #expect(cli.transport.requests[0].header("Authorization") == "Bearer \(token)")
    }

    @Test func anExpiredSessionIsRefusedBeforeAnyRequest() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli, expiringIn: -60)
        let run = cli.run(["auth", "token"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("expired"))
        #expect(cli.transport.requests.isEmpty)
    }

    @Test func tokenPrintsTheSecretAlone() throws {
        let cli = makeCLI()
        let session = try loggedIn(cli)
        let run = cli.run(["auth", "token"])
        #expect(run.status == 0)
        #expect(run.stdout == session + "\n")
        #expect(run.stderr.isEmpty)
        #expect(cli.transport.requests.isEmpty, "a fresh session needs no request")
    }

    @Test func aSessionInItsLastHourIsRenewedOnUse() throws {
        let cli = makeCLI()
        let old = try loggedIn(cli, expiringIn: 1_800)
        let renewed = Fixtures.jwt(expiringIn: 86_400)
        cli.transport.respond = { request in
            request.url.hasSuffix("/auth/refresh")
                ? Fixtures.login(token: renewed, expiresAt: Fixtures.rfc3339(Date().addingTimeInterval(86_400)))
                : Fixtures.notFound
        }
        let run = cli.run(["auth", "token"])
        #expect(run.stdout == renewed + "\n", "\(run)")
        #expect(cli.transport.requests.first?.header("Authorization") == "Bearer \(old)")
        #expect(try cli.keyring.read(SecretKey(profile: "default", apiURL: Self.apiURL)) == renewed)
    }

    /// Renewing is asked for by the commands that act; checking and presenting never renew.
    @Test func doctorAndErrorsNeverRenewASession() throws {
        let cli = makeCLI()
        let old = try loggedIn(cli, expiringIn: 1_800, permissions: [])
        cli.transport.respond = { request in
            if request.url.hasSuffix("/api/v1/me") { return Fixtures.me(type: "session", permissions: ["servers:read"]) }
            if request.url.contains("/api/v1/servers") {
                return FakeTransport.json(403, #"{"success":false,"error":{"code":"FORBIDDEN","message":"Token does not have permission: servers:read"}}"#)
            }
            return Fixtures.notFound  // no /auth/refresh on this server
        }
        _ = cli.run(["doctor"])
        #expect(!cli.transport.requests.contains { $0.url.hasSuffix("/auth/refresh") }, "doctor renews nothing")

        let run = cli.run(["servers", "list"])
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.contains("hint: This credential has: servers:r."), "the 403's hint asked /api/v1/me: \(run)")
        let refreshes = cli.transport.requests.filter { $0.url.hasSuffix("/auth/refresh") }
        #expect(refreshes.count == 1, "servers list asked once; presenting its 403 did not ask again")
        #expect(try cli.keyring.read(SecretKey(profile: "default", apiURL: Self.apiURL)) == old)
    }

    @Test func refreshStoresTheNewSession() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli)
        let renewed = Fixtures.jwt(expiringIn: 86_400)
        let expiresAt = Fixtures.rfc3339(Date().addingTimeInterval(86_400))
        cli.transport.respond = { request in
            request.url.hasSuffix("/auth/refresh") ? Fixtures.login(token: renewed, expiresAt: expiresAt) : Fixtures.notFound
        }
        let run = cli.run(["auth", "refresh"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("✓ Renewed the session of profile default; it expires in "))
        #expect(run.stderr.contains("(\(expiresAt))"))
        #expect(try cli.keyring.read(SecretKey(profile: "default", apiURL: Self.apiURL)) == renewed)
        #expect(try cli.config.load().profiles["default"]?.expiresAt == expiresAt)
    }

    @Test func refreshOfAnAPITokenPointsAtRotate() throws {
        let cli = makeCLI()
        cli.environment["NSX_TOKEN"] = "nsx_live_" + TokenFormatTests.body
        let run = cli.run(["auth", "refresh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nsx tokens rotate"))
        #expect(cli.transport.requests.isEmpty)
    }

    @Test func listMarksTheActiveProfile() throws {
        let cli = makeCLI()
        _ = try loggedIn(cli, profile: "default")
        _ = try loggedIn(cli, profile: "work")
        let table = cli.run(["auth", "list", "--profile", "work"])
        #expect(table.status == 0, "\(table)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("NAME "))
        #expect(lines[0].contains("API URL") && lines[0].contains("USER") && lines[0].contains("TYPE") && lines[0].contains("ENVIRONMENT") && lines[0].contains("EXPIRES"))
        #expect(lines[1].hasPrefix("  default "))
        #expect(lines[2].hasPrefix("* work "))
        #expect(lines[2].contains("tester@example.com") && lines[2].contains("session") && lines[2].contains("live"))

        let json = cli.run(["auth", "list", "-o", "json"])
        let array = try #require(try JSONValue.parse(json.stdout).arrayValue)
        #expect(array.map { $0["profile"]?.stringValue } == ["default", "work"])
        #expect(array.map { $0["active"]?.boolValue } == [true, false])
        #expect(array[0]["name"] == nil, "the marked name is for people only")
        #expect(cli.run(["auth", "list", "-q"]).stdout == "default\nwork\n")
    }

    @Test func emptyListSaysHowToAddOne() {
        let cli = makeCLI()
        let run = cli.run(["auth", "list"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("nsx login"))
        #expect(cli.run(["auth", "list", "--json"]).stdout == "[]\n")
    }
}
