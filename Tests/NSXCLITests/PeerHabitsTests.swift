import Foundation
import NSXConfig
import NSXHTTP
import NSXKeyring
import Testing
@testable import NSXCLI

/// What users of gh and hcloud reach for: `auth switch`, `api -X`, `tokens list --name`, and
/// help that says what a command needs.
@Suite("habits of the peers, in process")
struct PeerHabitsTests {
    static let apiURL = "https://api.example.test"

    /// Two stored logins, `default` and `work`, and a network that answers every list empty.
    static func world() throws -> TestCLI {
        let cli = TestCLI()
        for profile in ["default", "work"] {
            try cli.keyring.write("secret-\(profile)", for: SecretKey(profile: profile, apiURL: apiURL), label: "test")
            try cli.config.update { document in
                document.profiles[profile] = ProfileFacts(apiURL: apiURL, credentialType: .session,
                                                          email: "\(profile)@example.com", permissions: Permission.all)
            }
        }
        cli.transport.respond = { _ in FakeTransport.json(200, #"{"success":true,"data":[],"meta":{"limit":20,"next_cursor":null,"has_more":false}}"#) }
        return cli
    }

    // MARK: auth switch

    @Test("auth switch PROFILE makes it the default; later commands use it")
    func switchByName() throws {
        let cli = try Self.world()
        let run = cli.run(["auth", "switch", "work"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "✓ Switched to profile work (work@example.com at \(Self.apiURL))\n")
        #expect(try cli.config.load().defaultProfile == "work")
        _ = cli.run(["servers", "list"])
        #expect(cli.transport.requests.last?.headers.contains { $0.0 == "Authorization" && $0.1 == "Bearer secret-work" } == true)

        #expect(cli.run(["auth", "switch", "default"]).status == 0)
        #expect(try cli.config.load().defaultProfile == nil, "back to the default")
    }

    @Test("an unknown profile is a usage error naming the stored ones, and changes nothing")
    func switchToUnknown() throws {
        let cli = try Self.world()
        let run = cli.run(["auth", "switch", "wrok"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr == "error: no stored profile \"wrok\"\nhint: Did you mean \"work\"? Profiles: default, work.\n")
        #expect(try cli.config.load().defaultProfile == nil)
    }

    @Test("without PROFILE: piped, a usage error listing the profiles; on a terminal, a choice by number or name")
    func switchWithoutName() throws {
        let cli = try Self.world()
        let piped = cli.run(["auth", "switch"])
        #expect(piped.status == 2, "\(piped)")
        #expect(piped.stderr == "error: nsx auth switch needs a PROFILE when there is no terminal to ask on\nhint: Profiles: default, work.\n")

        let byNumber = cli.run(["auth", "switch"], terminal: true, answers: ["2"])
        #expect(byNumber.status == 0, "\(byNumber)")
        #expect(byNumber.stderr.hasPrefix("* 1. default\n  2. work\nSwitch to which profile? [1-2 or a name] \n"), "\(byNumber)")
        #expect(try cli.config.load().defaultProfile == "work")

        let byName = cli.run(["auth", "switch"], terminal: true, answers: ["default"])
        #expect(byName.status == 0 && byName.stderr.contains("  1. default\n* 2. work\n"), "\(byName)")
        #expect(try cli.config.load().defaultProfile == nil)

        let noAnswer = cli.run(["auth", "switch"], terminal: true, answers: [""])
        #expect(noAnswer.status == 1, "\(noAnswer)")
        #expect(try cli.config.load().defaultProfile == nil)
    }

    @Test("NSX_PROFILE still wins, and auth switch says so; -o json gives the profile")
    func switchUnderTheVariable() throws {
        let cli = try Self.world()
        cli.environment["NSX_PROFILE"] = "default"
        let run = cli.run(["auth", "switch", "work", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("warning: NSX_PROFILE=default is set, and beats the default profile wherever it is."))
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["profile"] as? String == "work")
        #expect(object?["active"] as? Bool == true)
    }

    // MARK: api -X

    @Test("nsx api -X METHOD, as gh takes it; a method given twice must agree")
    func apiMethodOption() throws {
        let cli = try Self.world()
        #expect(cli.run(["api", "-X", "DELETE", "servers/srv_abc"]).status == 0)
        #expect(cli.transport.requests.last?.method == "DELETE")
        #expect(cli.transport.requests.last?.url == Self.apiURL + "/api/v1/servers/srv_abc")
        #expect(cli.run(["api", "--method=patch", "servers/srv_abc", "-f", "name=web-2"]).status == 0)
        #expect(cli.transport.requests.last?.method == "PATCH")
        #expect(cli.run(["api", "PUT", "-X", "put", "servers/srv_abc"]).status == 0)
        #expect(cli.transport.requests.last?.method == "PUT")
        let count = cli.transport.requests.count
        let twice = cli.run(["api", "GET", "servers", "-X", "POST"])
        #expect(twice.status == 2, "\(twice)")
        #expect(twice.stderr.hasPrefix("error: two methods given: GET and -X POST\n"))
        let bad = cli.run(["api", "-X", "BREW", "servers"])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("error: unknown HTTP method \"BREW\""), "\(bad)")
        #expect(cli.transport.requests.count == count, "no request for a usage error")
    }

    // MARK: tokens list --name

    @Test("tokens list --name asks the API for tokens of that name")
    func tokensByName() throws {
        let cli = try Self.world()
        let run = cli.run(["tokens", "list", "--name", "ci deploy", "-o", "json"])
        #expect(run.status == 0, "\(run)")
        let url = try #require(cli.transport.requests.last?.url)
        #expect(url.hasPrefix(Self.apiURL + "/api/v1/tokens?"))
        #expect(url.contains("name=ci%20deploy"), "\(url)")
    }

    // MARK: help

    @Test("every command's help names what it needs; required flags are marked and in the usage")
    func helpNamesPermissions() {
        let create = TestCLI().run(["servers", "create", "--help"]).stdout
        #expect(create.contains("USAGE\n  nsx servers create --name name --region region --plan plan [flags]\n"))
        #expect(create.contains("PERMISSIONS\n  servers:write   Create, update, delete servers\n"))
        #expect(create.contains("(required)"))
        // The note wraps like any paragraph; read it as one line.
        let unwrapped = create.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(unwrapped.contains("nsx tokens create --for \"servers create\" makes a token with exactly these."))
        for path in CommandTree.root.leaves().filter({ !$0.command.hidden }).map(\.path) {
            let help = TestCLI().run(path + ["--help"]).stdout
            #expect(help.contains("\nPERMISSIONS\n"), "nsx \(path.joined(separator: " ")) --help names no permission")
        }
        #expect(TestCLI().run(["config", "set", "--help"]).stdout.contains("PERMISSIONS\n  No API permission.\n"))
        #expect(TestCLI().run(["api", "--help"]).stdout.contains("PERMISSIONS\n  Whatever the route needs"))
    }

    @Test("help topics: formatting (formats, --fields, jq) and permissions (all ten, wildcards, --for)")
    func helpTopics() {
        let formatting = TestCLI().run(["help", "formatting"])
        #expect(formatting.status == 0)
        for word in ["table", "json", "ndjson", "csv", "yaml", "--fields", "--no-headers", "jq -r"] {
            #expect(formatting.stdout.contains(word), "formatting lacks \(word)")
        }
        let permissions = TestCLI().run(["help", "permissions"])
        #expect(permissions.status == 0)
        for permission in Permission.all { #expect(permissions.stdout.contains("  \(permission) "), "\(permission)") }
        for word in ["servers:*", "*:read", "--read-only", "--for", "View servers"] {
            #expect(permissions.stdout.contains(word), "permissions lacks \(word)")
        }
    }
}
