import Foundation
import Testing

/// Login, the keyring item, status, token, refresh and logout — the real nsx binary against
/// a real nsx-server, with the real gnome-keyring of the suite's D-Bus session.
@Suite struct AuthEndToEndTests {
    @Test func loginWithPasswordStdinKeepsTheSessionInTheKeyringOnly() throws {
        let world = try AuthWorld()
        let login = try world.user.login()
        #expect(login.status == 0, "\(login)")
        #expect(login.stdout.isEmpty)
        #expect(login.stderr.contains("✓ Logged in to \(world.server.url) as Test User (tester@example.com)"))

        // The item, as secret-tool (another libsecret client) sees it, with the documented attributes.
        let search = try AuthWorld.secretTool(["search", "--all", "profile", "default", "api_url", world.server.url])
        #expect(search.status == 0, "\(search)")
        let found = search.stdout + search.stderr
        #expect(found.contains("label = nsx: default (\(world.server.url))"))
        #expect(found.contains("schema = com.nurosentrix.nsx"))
        #expect(found.contains("attribute.profile = default"))
        #expect(found.contains("attribute.api_url = \(world.server.url)"))
        let session = try world.token()
        #expect(session.split(separator: ".").count == 3, "a JWT")
        #expect(try AuthWorld.secretTool(["lookup", "profile", "default", "api_url", world.server.url]).stdout == session)

        // Only non-secret facts under the config folder, at 0600 in a 0700 folder.
        try world.expectNoSecretInConfigFiles([session, TestServer.password])
        let facts = try world.configJSON()["profiles"] as? [String: [String: Any]]
        #expect(facts?["default"]?["email"] as? String == TestServer.email)
        #expect(facts?["default"]?["credential_type"] as? String == "session")
        #expect(facts?["default"]?["storage"] as? String == "keyring")
        #expect(try AuthWorld.mode(world.user.configDir.path) == 0o700)
        #expect(try AuthWorld.mode(world.user.configDir.appendingPathComponent("config.json").path) == 0o600)
    }

    @Test func loginAtAPseudoTerminalHidesThePassword() throws {
        let world = try AuthWorld()
        let run = try world.user.onTerminal(["login"], answers: [TerminalAnswer(prompt: "Email: ", answer: TestServer.email),
                                                                 TerminalAnswer(prompt: "Password: ", answer: TestServer.password, hidden: true)])
        #expect(run.status == 0, "\(run)")
        #expect(run.text.contains("Email: \(TestServer.email)"), "the email is echoed as typed")
        #expect(run.text.contains("Password: "))
        #expect(!run.text.contains(TestServer.password), "the password is never echoed")
        #expect(run.text.contains("Logged in to \(world.server.url) as Test User (tester@example.com)"))
        #expect(try world.user.nsx("auth", "status").status == 0)
    }

    @Test func withoutATerminalOrFlagsLoginIsAUsageError() throws {
        let world = try AuthWorld()
        let run = try world.user.nsx(["login"], stdin: TestServer.password + "\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("--password-stdin"))
        #expect(!FileManager.default.fileExists(atPath: world.user.configDir.appendingPathComponent("config.json").path))
    }

    @Test func wrongPasswordIsExit3AndStoresNothing() throws {
        let world = try AuthWorld()
        let run = try world.user.login(password: "not the password")
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("error: Invalid email or password\n"))
        #expect(run.stderr.contains("request id: req_"))
        #expect(!FileManager.default.fileExists(atPath: world.user.configDir.appendingPathComponent("config.json").path))
    }

    @Test func verboseOutputRedactsEverySecret() throws {
        let world = try AuthWorld()
        let login = try world.user.nsx(["-v", "login", "--email", TestServer.email, "--password-stdin"], stdin: TestServer.password + "\n")
        #expect(login.status == 0, "\(login)")
        #expect(login.stderr.contains("> POST \(world.server.url)/auth/login"))
        #expect(login.stderr.contains("[REDACTED]"))
        #expect(!login.stderr.contains(TestServer.password))
        let session = try world.token()
        #expect(!login.stderr.contains(session))

        let status = try world.user.nsx("-v", "auth", "status")
        #expect(status.status == 0)
        #expect(status.stderr.contains("Authorization: Bearer [REDACTED]"))
        #expect(!status.stderr.contains(session) && !status.stdout.contains(session))
    }

    @Test func statusAsATableAndAsJSON() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let table = try world.user.nsx("auth", "status")
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("Profile:      default\n"))
        #expect(table.stdout.contains("API URL:      \(world.server.url)\n"))
        #expect(table.stdout.contains("User:         Test User (tester@example.com) usr_"))
        #expect(table.stdout.contains("Credential:   session from the keyring\n"))
        #expect(table.stdout.contains("Environment:  LIVE\n"))
        #expect(table.stdout.contains("Permissions:  servers:rw instances:rw+actions backups:rw+restore settings:rw\n"))
        #expect(table.stdout.contains("Expires:      in 24 hours"))

        let json = try world.user.nsx("auth", "status", "--json")
        #expect(json.status == 0)
        let object = try #require(try json.json() as? [String: Any])
        #expect(Set(object.keys) == ["profile", "api_url", "authenticated", "source", "type", "environment", "user", "permissions", "expires_at", "token"])
        #expect(object["authenticated"] as? Bool == true)
        #expect(object["source"] as? String == "keyring")
        #expect(object["type"] as? String == "session")
        #expect(object["environment"] as? String == "live")
        #expect((object["permissions"] as? [String])?.count == 10)
        #expect(object["token"] is NSNull)
        #expect((object["user"] as? [String: Any])?["email"] as? String == TestServer.email)
        #expect(!json.stdout.contains(try world.token()))
    }

    @Test func notLoggedInStatusIsExit3WithJSONForScripts() throws {
        let world = try AuthWorld()
        let table = try world.user.nsx("auth", "status")
        #expect(table.status == 3)
        #expect(table.stderr.hasPrefix("error: not logged in (profile \"default\")\n"))
        let json = try world.user.nsx("auth", "status", "--json")
        #expect(json.status == 3)
        #expect((try json.json() as? [String: Any])?["authenticated"] as? Bool == false)
        #expect(json.stderr.contains("\"code\":\"UNAUTHORIZED\""))
    }

    @Test func tokenPrintsTheSessionForScripts() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let token = try world.user.nsx("auth", "token")
        #expect(token.status == 0)
        #expect(token.stderr.isEmpty)
        let secret = token.stdout.trimmingCharacters(in: .newlines)
        #expect(token.stdout == secret + "\n")
        let me = try Curl.run(["-sS", "-H", "Authorization: Bearer \(secret)", "\(world.server.url)/api/v1/me"])
        #expect(me.stdout.contains("\"email\":\"\(TestServer.email)\""))
    }

    @Test func refreshReplacesTheSessionAndTheOldOneLivesOnUntilItsExpiry() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let old = try world.token()
        let refresh = try world.user.nsx("auth", "refresh")
        #expect(refresh.status == 0, "\(refresh)")
        #expect(refresh.stderr.contains("✓ Renewed the session of profile default; it expires in 24 hours ("))
        let new = try world.token()
        #expect(new != old)
        #expect(try AuthWorld.secretTool(["lookup", "profile", "default", "api_url", world.server.url]).stdout == new)
        #expect(try world.httpStatus(token: old) == 200, "docs/openapi.yaml: the old session stays valid until its own expiry")
        #expect(try world.httpStatus(token: new) == 200)
    }

    @Test func logoutEndsTheSessionOnTheServerAndRemovesTheItem() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let session = try world.token()
        let logout = try world.user.nsx("logout")
        #expect(logout.status == 0, "\(logout)")
        #expect(logout.stderr.contains("✓ Logged out of \(world.server.url)"))
        let search = try AuthWorld.secretTool(["search", "--all", "profile", "default", "api_url", world.server.url])
        #expect(!(search.stdout + search.stderr).contains("com.nurosentrix.nsx"), "the keyring item is gone")
        #expect(try world.httpStatus(token: session) == 401, "the server rejects the old session")
        #expect((try world.configJSON()["profiles"] as? [String: Any])?.isEmpty == true)
        #expect(try world.user.nsx("auth", "status").status == 3)
        #expect(try world.user.nsx("logout").status == 3, "not logged in any more")
    }

    @Test func logoutAllForgetsEveryProfile() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        try world.loggedIn(extra: ["--profile", "second"])
        let token = try world.createToken(name: "ci", permissions: ["servers:read"])
        #expect(try world.user.nsx(["login", "--with-token", "--profile", "third"], stdin: token + "\n").status == 0)
        let logout = try world.user.nsx("logout", "--all")
        #expect(logout.status == 0, "\(logout)")
        #expect(logout.stderr.contains("revoke it with `nsx tokens revoke tok_"))
        #expect(try world.user.nsx("auth", "list", "-q").stdout.isEmpty)
        for profile in ["default", "second", "third"] {
            #expect(try AuthWorld.secretTool(["lookup", "profile", profile, "api_url", world.server.url]).stdout.isEmpty)
        }
        #expect(try world.httpStatus(token: token) == 200, "an API token is forgotten, not revoked")
    }

    @Test func loginWithTokenReportsWhoWhereAndWhat() throws {
        let world = try AuthWorld()
        let token = try world.createToken(name: "deploy", permissions: ["servers:read", "instances:actions"], environment: "test")
        let login = try world.user.nsx(["login", "--with-token", "--profile", "deploy"], stdin: token + "\n")
        #expect(login.status == 0, "\(login)")
        #expect(login.stderr.contains("✓ Logged in to \(world.server.url) as Test User (tester@example.com) (profile deploy)"))
        #expect(login.stderr.contains("Token: deploy (nsx_test_"))
        #expect(login.stderr.contains("Environment: TEST"))
        #expect(login.stderr.contains("Permissions: servers:read instances:actions"))
        let status = try #require(try world.user.nsx("auth", "status", "--json", "--profile", "deploy").json() as? [String: Any])
        #expect(status["type"] as? String == "api_token")
        #expect(status["environment"] as? String == "test")
        #expect((status["token"] as? [String: Any])?["name"] as? String == "deploy")
        #expect(((status["token"] as? [String: Any])?["id"] as? String)?.hasPrefix("tok_") == true)
        #expect(status["permissions"] as? [String] == ["servers:read", "instances:actions"])
        let refresh = try world.user.nsx("auth", "refresh", "--profile", "deploy")
        #expect(refresh.status == 2)
        #expect(refresh.stderr.contains("nsx tokens rotate tok_"))
    }

    @Test func loginWithSomethingThatIsNotATokenIsAUsageError() throws {
        let world = try AuthWorld()
        let run = try world.user.nsx(["login", "--with-token"], stdin: "nsx_live_tooshort\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("an API token is its prefix followed by 32 letters and digits"))
        #expect(!run.stderr.contains("tooshort"))
    }

    @Test func nsxTokenBeatsTheStoredLogin() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let token = try world.createToken(name: "from-env", permissions: ["settings:read"])
        let status = try world.user.nsx(["auth", "status", "--json"], extraEnvironment: ["NSX_TOKEN": token])
        #expect(status.status == 0, "\(status)")
        let object = try #require(try status.json() as? [String: Any])
        #expect(object["source"] as? String == "env")
        #expect(object["type"] as? String == "api_token")
        #expect((object["token"] as? [String: Any])?["name"] as? String == "from-env")
        #expect(object["permissions"] as? [String] == ["settings:read"])
        #expect(try world.user.nsx(["auth", "token"], extraEnvironment: ["NSX_TOKEN": token]).stdout == token + "\n")
        // Never stored: not in the keyring, not in any file.
        try world.expectNoSecretInConfigFiles([token])
        #expect(try world.user.nsx("auth", "status", "--json").stdout.contains("\"source\": \"keyring\""))
    }

    @Test func aRevokedTokenIsExit3() throws {
        let world = try AuthWorld()
        let (token, id) = try world.createTokenWithID(name: "doomed", permissions: ["servers:read"])
        #expect(try world.user.nsx(["login", "--with-token"], stdin: token + "\n").status == 0)
        #expect(try world.user.nsx("auth", "status").status == 0)
        let revoke = try Curl.run(["-sS", "-X", "DELETE", "-H", "Authorization: Bearer \(try world.curlSession())", "\(world.server.url)/api/v1/tokens/\(id)"])
        #expect(revoke.stdout.contains("\"revoked_at\""))
        let status = try world.user.nsx("auth", "status")
        #expect(status.status == 3)
        #expect(status.stderr.contains("the server rejected the stored API token"))
    }

    @Test func listShowsEveryProfileAndMarksTheActiveOne() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let token = try world.createToken(name: "ci-token", permissions: ["servers:read"])
        #expect(try world.user.nsx(["login", "--with-token", "--profile", "ci"], stdin: token + "\n").status == 0)
        let table = try world.user.nsx("auth", "list", "--profile", "ci")
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(table)")
        #expect(lines[0].contains("NAME") && lines[0].contains("API URL") && lines[0].contains("USER") && lines[0].contains("EXPIRES"))
        #expect(lines[1].hasPrefix("* ci ") && lines[1].contains("ci-token") && lines[1].contains("api_token"))
        #expect(lines[2].hasPrefix("  default ") && lines[2].contains(TestServer.email) && lines[2].contains("session"))
        let json = try #require(try world.user.nsx("auth", "list", "-o", "json").json() as? [[String: Any]])
        #expect(json.map { $0["profile"] as? String } == ["ci", "default"])
        #expect(json.map { $0["active"] as? Bool } == [false, true])
    }
}

/// A fresh server and user, plus what these tests need besides nsx: API calls with curl,
/// secret-tool, a pseudo-terminal.
final class AuthWorld: @unchecked Sendable {
    let server: TestServer
    let user: NSXUser

    init(server: TestServer? = nil) throws {
        self.server = try server ?? TestServer()
        user = try NSXUser(server: self.server)
        // As nsx would have made it (the harness creates it with the default mode).
        chmod(user.configDir.path, 0o700)
    }

    /// Logs in with --password-stdin and insists it worked.
    func loggedIn(extra: [String] = []) throws {
        let run = try user.login(extra: extra)
        guard run.status == 0 else { throw AuthWorldError.failed("login", run) }
    }

    /// `nsx auth token`.
    func token(profile: String = "default") throws -> String {
        let run = try user.nsx(["auth", "token", "--profile", profile])
        guard run.status == 0 else { throw AuthWorldError.failed("auth token", run) }
        return run.stdout.trimmingCharacters(in: .newlines)
    }

    /// A session obtained with curl, for API calls that are not under test.
    func curlSession() throws -> String {
        let body = #"{"email":"\#(TestServer.email)","password":"\#(TestServer.password)"}"#
        let run = try Curl.run(["-sS", "-X", "POST", "-H", "Content-Type: application/json", "--data", body, "\(server.url)/auth/login"])
        guard let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
              let data = object["data"] as? [String: Any], let token = data["token"] as? String else {
            throw AuthWorldError.failed("curl /auth/login", run)
        }
        return token
    }

    func createToken(name: String, permissions: [String], environment: String = "live") throws -> String {
        try createTokenWithID(name: name, permissions: permissions, environment: environment).token
    }

    /// `POST /api/v1/tokens` with curl: the full token and its ID.
    func createTokenWithID(name: String, permissions: [String], environment: String = "live") throws -> (token: String, id: String) {
        let perms = permissions.map { "\"\($0)\"" }.joined(separator: ",")
        let body = #"{"name":"\#(name)","permissions":[\#(perms)],"environment":"\#(environment)"}"#
        let run = try Curl.run(["-sS", "-X", "POST", "-H", "Content-Type: application/json", "-H", "Authorization: Bearer \(try curlSession())",
                                "--data", body, "\(server.url)/api/v1/tokens"])
        guard let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
              let data = object["data"] as? [String: Any], let token = data["token"] as? String, let id = data["id"] as? String else {
            throw AuthWorldError.failed("curl POST /api/v1/tokens", run)
        }
        return (token, id)
    }

    /// The HTTP status of `GET /api/v1/me` with this bearer credential.
    func httpStatus(token: String) throws -> Int {
        let run = try Curl.run(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer \(token)", "\(server.url)/api/v1/me"])
        return Int(run.stdout) ?? -1
    }

    func configJSON() throws -> [String: Any] {
        let data = try Data(contentsOf: user.configDir.appendingPathComponent("config.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func expectNoSecretInConfigFiles(_ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for file in user.configFiles() {
            let contents = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for secret in secrets {
                #expect(!contents.contains(secret), "\(file.lastPathComponent) contains a secret", sourceLocation: sourceLocation)
            }
        }
    }

    static func secretTool(_ arguments: [String]) throws -> RunResult {
        try runProcess(URL(fileURLWithPath: "/usr/bin/secret-tool"), arguments, environment: ProcessInfo.processInfo.environment)
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}

enum AuthWorldError: Error, CustomStringConvertible {
    case failed(String, RunResult)
    var description: String {
        switch self {
        case .failed(let what, let run): "\(what) failed: \(run)"
        }
    }
}
