import NSXCommandLine
import NSXJSON
import Testing
@testable import NSXCLI

/// The first half of each verb, alone: argv → the words its run gets (or the usage error),
/// with no factory, network or keyring in sight.
struct VerbWordsTests {
    static func parse(_ argv: [String]) throws -> ParsedCommand<CommandRunner> {
        try Parser(root: CommandTree.root).parse(argv)
    }

    static func usage(_ body: () throws(CLIError) -> Void) -> String? {
        do throws(CLIError) {
            try body()
            return nil
        } catch {
            if case .usage(let message, _) = error { return message }
            return "\(error)"
        }
    }

    @Test func serversCreateBuildsTheBody() throws {
        let words = try ServersCreate.words(Self.parse(["servers", "create", "--name", "web-1", "--region", "eu-central",
                                                        "--plan", "basic-1", "--label", "env=prod", "--wait", "--wait-timeout", "2m"]))
        #expect(JSONValue.object(words.body) == ["name": "web-1", "region": "eu-central", "plan": "basic-1", "labels": ["env": "prod"]])
        #expect(words.wait == WaitRequest(timeoutSeconds: 120))
        // A required option is the parser's to insist on, as the tree marks it.
        let missing = #expect(throws: UsageError.self) { try Self.parse(["servers", "create", "--name", "web-1", "--plan", "basic-1"]) }
        #expect(missing?.message == "--region is required (one of us-east, us-west, eu-central, ap-southeast)")
    }

    @Test func updatesAreMergePatches() throws {
        let server = try ServersUpdate.words(Self.parse(["servers", "update", "web-1", "--name", "web-2", "--remove-label", "owner"]))
        #expect(server.word == "web-1")
        #expect(JSONValue.object(server.patch) == ["name": "web-2", "labels": ["owner": nil]])
        let nothing = try Self.parse(["instances", "update", "app-1"])
        #expect(Self.usage { () throws(CLIError) in _ = try InstancesUpdate.words(nothing) } == "nothing to update")
    }

    @Test func tokensCreateWords() throws {
        let words = try TokensCreate.words(Self.parse(["tokens", "create", "--name", " ci ", "--perm", "servers:*",
                                                       "--for", "instances restart", "--save"]))
        #expect(words.name == "ci")
        #expect(words.permissions == ["servers:read", "servers:write", "instances:read", "instances:actions"])
        #expect(words.forCommands?.commands == ["instances restart"])
        #expect(words.expires == "never")
        #expect(words.save == TokensCreate.SaveTarget(profile: "ci", explicit: false))
    }

    @Test func loginWords() throws {
        #expect(try Login.words(Self.parse(["login", "--with-token"])).method == .token)
        #expect(try Login.words(Self.parse(["login", "--email", "a@b.c", "--password-stdin"])).method
                == .password(email: "a@b.c", passwordFromStdin: true))
        let both = try Self.parse(["login", "--with-token", "--password-stdin"])
        #expect(Self.usage { () throws(CLIError) in _ = try Login.words(both) } == "--with-token and --password-stdin cannot be used together")
    }

    @Test func configSetWords() throws {
        let words = try ConfigSet.words(Self.parse(["config", "set", "api_url", "https://nsx.example.com/"]))
        #expect(words.key == .apiURL && words.value == "https://nsx.example.com")
        #expect(try ConfigSet.words(Self.parse(["config", "set", "color", ""])).value == nil, "empty removes")
    }
}
