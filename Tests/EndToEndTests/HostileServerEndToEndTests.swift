import Foundation
import Testing

/// A server that sends terminal escapes in its strings, and one that lacks routes of our
/// reading of the API — both as a proxy in front of the real nsx-server. Each test failed
/// on 341a432.
@Suite("hostile and older servers")
struct HostileServerEndToEndTests {
    /// Retitles the window and clears the screen if it reaches a terminal raw.
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J"
    /// The same, as nsx shows it: every control character made visible.
    static let shown = "^[]0;pwned^G^[[2J"

    /// What is left after nsx's own escapes — colour, and clearing its progress line — are
    /// taken out: any other ESC or BEL came from the server.
    static func foreignControls(_ output: String) -> Bool {
        let own = output.replacing(/\u{1B}\[[0-9;]*m/, with: "").replacing(/\u{1B}\[[0-9]*[AKJ]/, with: "")
        return own.contains("\u{1B}") || own.contains("\u{07}")
    }

    /// Logs the user in through `proxy`, as someone who only ever talks to that server does;
    /// the environment that uses that login.
    static func logIn(_ world: ResourceWorld, through proxy: RewritingProxy) throws -> [String: String] {
        let env = ["NSX_API_URL": proxy.url, "NSX_PROFILE": "proxied"]
        let login = try world.user.nsx(["login", "--email", TestServer.email, "--password-stdin"],
                                       stdin: TestServer.password + "\n", extraEnvironment: env)
        guard login.status == 0 else { throw HarnessError.serverDidNotStart("login through the proxy: \(login)") }
        return env
    }

    // MARK: 3. server text never reaches the terminal raw

    @Test("an X-Request-Id with escapes is shown escaped on the `request id:` line")
    func requestIDLine() throws {
        let world = try ResourceWorld()
        let proxy = try RewritingProxy(upstream: world.server, rules: .init(headers: ["X-Request-Id": "req_" + Self.hostile]))
        let run = try world.user.onTerminal(["servers", "get", "srv_nothere"], extraEnvironment: try Self.logIn(world, through: proxy))
        #expect(run.status == 5, "\(run)")
        #expect(run.text.contains("request id: req_" + Self.shown), "\(run)")
        #expect(!Self.foreignControls(run.output), "\(run)")
    }

    @Test("the environment in the tokens create summary is shown escaped")
    func tokenSummary() throws {
        let world = try ResourceWorld()
        let proxy = try RewritingProxy(upstream: world.server, rules: .init(replacements: [("environment", "live", "live" + Self.hostile)]))
        // As `TOKEN=$(nsx tokens create …)` at a terminal: the token goes to the variable, the
        // summary to the terminal (stderr).
        var env = world.user.environment.merging(try Self.logIn(world, through: proxy)) { $1 }
        env["TERM"] = "xterm-256color"
        let run = try runOnTerminal(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", #"TOKEN=$("$0" tokens create --name ci --perm servers:read) && echo "got ${#TOKEN} characters""#,
                                     BuildProducts.nsx.path],
                                    environment: env)
        #expect(run.status == 0, "\(run)")
        #expect(run.text.contains("got 41 characters"), "\(run)")
        #expect(run.text.contains("live" + Self.shown), "\(run)")
        #expect(!Self.foreignControls(run.output), "\(run)")
    }

    @Test("the status in the --wait progress line (and in the give-up message) is shown escaped")
    func waitProgress() throws {
        let world = try ResourceWorld(actionDelay: 60)
        _ = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: "web-1")
        let proxy = try RewritingProxy(upstream: world.server, rules: .init(replacements: [("status", "starting", "starting" + Self.hostile)]))
        let run = try world.user.onTerminal(["instances", "start", "app-1", "--wait", "--wait-timeout", "2s"],
                                            extraEnvironment: try Self.logIn(world, through: proxy))
        #expect(run.status == 9, "\(run)")
        #expect(run.text.contains("waiting for instance app-1: starting" + Self.shown), "\(run)")
        #expect(!Self.foreignControls(run.output), "\(run)")
    }

    // MARK: 17. a server without a route of our reading

    @Test("without /api/v1/tokens and /api/v1/me: `this server does not support …`, and unknowns shown as unknown")
    func missingRoutes() throws {
        let world = try ResourceWorld()
        let proxy = try RewritingProxy(upstream: world.server, rules: .init(missingRoutes: ["/api/v1/tokens", "/api/v1/me"]))
        let env = try Self.logIn(world, through: proxy)

        let list = try world.user.nsx(["tokens", "list"], extraEnvironment: env)
        #expect(list.status == 1, "\(list)")
        #expect(list.stderr.hasPrefix("error: this server does not support API tokens (/api/v1/tokens)\n"), "\(list)")
        let create = try world.user.nsx(["tokens", "create", "--name", "ci", "--perm", "servers:read"], extraEnvironment: env)
        #expect(create.status == 1, "\(create)")
        #expect(create.stderr.contains("error: this server does not support API tokens (/api/v1/tokens)"), "\(create)")
        #expect(create.stdout.isEmpty)
        let json = try world.user.nsx(["tokens", "list", "-o", "json"], extraEnvironment: env)
        #expect(json.stderr.contains(#""code":"UNSUPPORTED""#), "\(json)")

        // auth status keeps working from what was stored at login, and says what it cannot know.
        let status = try world.user.nsx(["auth", "status"], extraEnvironment: env)
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("User:         Test User (tester@example.com)"), "\(status)")
        #expect(status.stderr.contains("this server does not support /api/v1/me; showing what was stored at login, unverified"), "\(status)")

        // With NSX_TOKEN nothing was stored: who it is stays unknown, not a guess.
        let session = try world.sessionToken()
        let fromEnv = try world.user.nsx(["auth", "status"], extraEnvironment: env.merging(["NSX_TOKEN": session]) { $1 })
        #expect(fromEnv.status == 0, "\(fromEnv)")
        #expect(fromEnv.stdout.contains("User:         unknown"), "\(fromEnv)")
        #expect(fromEnv.stdout.contains("Permissions:  unknown"), "\(fromEnv)")
        #expect(fromEnv.stdout.contains("Environment:  LIVE"), "a session acts on live unless --test: \(fromEnv)")
        let statusJSON = try world.user.nsx(["auth", "status", "-o", "json"], extraEnvironment: env.merging(["NSX_TOKEN": session]) { $1 })
        let object = try #require(try statusJSON.json() as? [String: Any], "\(statusJSON)")
        #expect(object["user"] is NSNull, "\(object)")
        #expect(object["authenticated"] as? Bool == true)

        // Everything else works as before.
        #expect(try world.user.nsx(["servers", "list"], extraEnvironment: env).status == 0)
    }
}
