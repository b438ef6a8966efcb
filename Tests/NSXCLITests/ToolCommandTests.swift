import Foundation
import NSXConfig
import NSXHTTP
import NSXJSON
import NSXKeyring
import NSXOutput
import Testing
@testable import NSXCLI

/// `config`, `help`, `version`, `completion` and `doctor`.
struct ConfigCommandTests {
    @Test func setGetListAndPath() throws {
        let cli = TestCLI()
        #expect(cli.run(["config", "get", "output"]).stdout == "table\n", "the default when unset")
        let set = cli.run(["config", "set", "output", "yaml"])
        #expect(set.status == 0 && set.stderr == "✓ Set output to yaml\n", "\(set)")
        #expect(cli.run(["config", "set", "api_url", "http://localhost:8080/"]).status == 0)
        #expect(cli.run(["config", "set", "color", "never"]).status == 0)
        #expect(cli.run(["config", "set", "profile", "work"]).status == 0)

        let document = try cli.config.load()
        #expect(document.settings == ["output": "yaml", "api_url": "http://localhost:8080", "color": "never"])
        #expect(document.defaultProfile == "work")
        #expect(cli.run(["config", "get", "api_url"]).stdout == "http://localhost:8080\n")
        #expect(cli.run(["config", "get", "profile"]).stdout == "work\n")
        // The stored output setting now applies; -o beats it.
        #expect(cli.run(["config", "list"]).stdout == "api_url: http://localhost:8080\noutput: yaml\ncolor: never\nprofile: work\n")
        #expect(try JSONValue.parse(cli.run(["config", "list", "-o", "json"]).stdout)
                == .object(["api_url": "http://localhost:8080", "output": "yaml", "color": "never", "profile": "work"]))
        #expect(cli.run(["config", "path"]).stdout == cli.configDir.path + "\n")
    }

    @Test func theDefaultProfileSettingPicksTheProfile() throws {
        let cli = TestCLI()
        #expect(cli.run(["config", "set", "profile", "work"]).status == 0)
        #expect(cli.run(["logout"]).stderr.contains("not logged in (profile \"work\")"))
        cli.environment["NSX_PROFILE"] = "other"
        #expect(cli.run(["logout"]).stderr.contains("not logged in (profile \"other\")"))
    }

    @Test func anEmptyValueRemovesTheSetting() throws {
        let cli = TestCLI()
        #expect(cli.run(["config", "set", "output", "csv"]).status == 0)
        let run = cli.run(["config", "set", "output", ""])
        #expect(run.stderr == "✓ Removed output; the default is table\n")
        #expect(try cli.config.load().settings["output"] == nil)
    }

    @Test func aCorruptConfigNamesTheFile() throws {
        let cli = TestCLI()
        try FileManager.default.createDirectory(at: cli.configDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Data("{not json".utf8).write(to: cli.configDir.appendingPathComponent("config.json"))
        let run = cli.run(["config", "list"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: \(cli.configDir.path)/config.json is not a valid nsx config file"))
    }

    @Test(arguments: [
        ("https://api.example.com", nil),
        ("http://127.0.0.1:8080", nil),
        ("http://127.1.2.3", nil),
        ("http://[::1]:9", nil),
        ("http://localhost", nil),
        ("http://example.com", "plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https"),
        ("http://127.0.0.1.example.com", "plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https"),
        ("ftp://x", "it must start with https:// (or http:// for a loopback server)"),
        ("https://", "it has no host name"),
        ("http://localhost.:8080", "plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https"),
        ("http://web.localhost:8080", "plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https"),
        ("http://127.0.0.1:8080/api/v1", "it names the API's routes (/api/v1), not the server"),
        ("https://corp.example/nurosentrix/api/v1/", "it names the API's routes (/api/v1), not the server"),
        ("https://corp.example/nurosentrix", nil),
    ] as [(String, String?)])
    func apiURLs(_ url: String, _ problem: String?) {
        #expect(APIURL.problem(with: url)?.reason == problem)
    }

    @Test func anAPIURLWithItsRoutesIsToldTheServersAddress() {
        #expect(APIURL.problem(with: "http://127.0.0.1:8080/api/v1")?.hint == "Give the server's address only, without /api/v1: http://127.0.0.1:8080")
        #expect(APIURL.problem(with: "https://corp.example/nurosentrix/api/v1/servers")?.hint
            == "Give the server's address only, without /api/v1: https://corp.example/nurosentrix")
    }
}

struct MetaCommandTests {
    /// The version with the commit and day of the build (Plugins/BuildInfoPlugin), "unknown"
    /// where the build could not tell, and as an object for scripts; --version stays the bare
    /// version that scripts and packaging checks compare.
    @Test func version() throws {
        let line = TestCLI().run(["version"]).stdout
        #expect(line.wholeMatch(of: /nsx 0\.1\.0 \(commit ([0-9a-f]{12}|unknown), built (\d{4}-\d{2}-\d{2}|unknown)\)\n/) != nil, "\(line)")
        #expect(TestCLI().run(["--version"]).stdout == "nsx 0.1.0\n")
        let json = try JSONSerialization.jsonObject(with: Data(TestCLI().run(["version", "-o", "json"]).stdout.utf8)) as? [String: Any]
        #expect(json?["version"] as? String == "0.1.0")
        #expect(line.contains("commit \((json?["commit"] as? String) ?? "unknown"),"))
        #expect(line.contains("built \((json?["build_date"] as? String) ?? "unknown")"))
    }

    @Test func helpForACommandIsItsHelpPage() {
        let run = TestCLI().run(["help", "auth", "status"])
        #expect(run.status == 0)
        #expect(run.stdout == HelpPage.render(path: ["auth", "status"], streams: IOStreams(
            out: BufferSink(), err: BufferSink(), stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false,
            readInput: { [] }, readLine: { _, _ in nil }, width: { 80 })))
        #expect(run.stdout.contains("nsx auth status"))
    }

    @Test func helpFollowsAliases() {
        let run = TestCLI().run(["help", "servers", "ls"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("nsx servers list"))
    }

    @Test func helpExitCodesListsEveryCode() {
        let run = TestCLI().run(["help", "exit-codes"])
        for code in ExitCode.allCases {
            #expect(run.stdout.contains("  \(code.rawValue) ") && run.stdout.contains(code.meaning))
        }
    }

    @Test func helpEnvironmentListsEveryVariable() {
        let run = TestCLI().run(["help", "environment"])
        for variable in EnvironmentVariable.allCases {
            #expect(run.stdout.contains("  \(variable.rawValue) "))
        }
    }

    @Test func completionAndManAreTheGeneratedDocuments() {
        #expect(TestCLI().run(["completion", "bash"]).stdout == Docs.completion(.bash))
        #expect(TestCLI().run(["completion", "fish"]).stdout == Docs.completion(.fish))
        #expect(TestCLI().run(["man"]).stdout == Docs.manPage())
    }
}

/// `nsx doctor` with a fake API whose answers (and Date header) each test chooses.
struct DoctorCommandTests {
    static let apiURL = "http://127.0.0.1:9999"

    func makeCLI(serverClock: Date = Date(), me: @escaping (HTTPRequest) -> HTTPResponse) -> TestCLI {
        let cli = TestCLI()
        cli.environment["NSX_API_URL"] = Self.apiURL
        let date = Self.httpDate(serverClock)
        cli.transport.respond = { request in
            var response = me(request)
            response.headers.append(("Date", date))
            return response
        }
        return cli
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    @Test func allGoodWithNSXToken() throws {
        let token = "nsx_live_" + TokenFormatTests.body
        let cli = makeCLI { request in
            request.header("Authorization") == nil ? Fixtures.unauthorized
                : Fixtures.me(type: "api_token", permissions: ["servers:read"], token: #"{"id":"tok_abc123def456","name":"ci","prefix":"nsx_live_aB3a"}"#)
        }
        cli.environment["NSX_TOKEN"] = token
        cli.keyring = FailingSecretStore(.noSecretService("no D-Bus session"))
        let run = cli.run(["doctor"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("✓ Credential"))
        #expect(run.stdout.contains("API token from NSX_TOKEN (nsx_live_aB3a…)"))
        #expect(run.stdout.contains("– Secret Service"), "the keyring is not needed with NSX_TOKEN")
        #expect(run.stdout.contains("✓ API "))
        #expect(run.stdout.contains("✓ Clock"))
        #expect(run.stdout.contains("✓ Valid"))
        #expect(run.stdout.contains("✓ Expiry"))
        #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
    }

    @Test func notLoggedInFailsWithTheFix() throws {
        let cli = makeCLI { _ in Fixtures.unauthorized }
        let run = cli.run(["doctor"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("✗ Credential"))
        #expect(run.stdout.contains("fix: Run `nsx login`"))
        #expect(run.stderr == "error: 1 check failed\n")
    }

    @Test func aSkewedClockFails() throws {
        let cli = makeCLI(serverClock: Date().addingTimeInterval(-600)) { _ in Fixtures.unauthorized }
        cli.environment["NSX_TOKEN"] = "nsx_live_" + TokenFormatTests.body
        let run = cli.run(["doctor", "-o", "json"])
        let checks = try #require(try JSONValue.parse(run.stdout).arrayValue)
        let clock = try #require(checks.first { $0["check"] == "Clock" })
        #expect(clock["status"] == "failed")
        #expect(clock["detail"]?.stringValue?.contains("10 minutes ahead of the server's") == true)
        #expect(clock["fix"]?.stringValue?.contains("timedatectl") == true)
        let valid = try #require(checks.first { $0["check"] == "Valid" })
        #expect(valid["status"] == "failed", "the token was rejected")
        #expect(run.status == 1)
    }

    @Test func anUnreachableAPIFails() throws {
        let cli = TestCLI()
        cli.environment["NSX_API_URL"] = Self.apiURL
        cli.transport.respond = { _ throws(TransportError) in throw .couldNotConnect("Connection refused") }
        let run = cli.run(["doctor", "--json"])
        let checks = try #require(try JSONValue.parse(run.stdout).arrayValue)
        #expect(checks.first { $0["check"] == "API" }?["status"] == "failed")
        #expect(checks.first { $0["check"] == "Clock" }?["status"] == "skipped")
        #expect(run.status == 1)
    }

    @Test func looseModesFail() throws {
        let cli = makeCLI { _ in Fixtures.unauthorized }
        try FileManager.default.createDirectory(at: cli.configDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(cli.configDir.path, 0o755)
        let run = cli.run(["doctor"])
        #expect(run.stdout.contains("✗ Config folder"))
        #expect(run.stdout.contains("has mode 0755, expected 0700"))
    }
}
