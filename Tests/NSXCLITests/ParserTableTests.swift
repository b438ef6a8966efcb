import NSXCommandLine
import NSXOutput
import Testing
@testable import NSXCLI

/// argv → the command reached and its values, over the real nsx tree.
struct ParserTableTests {
    struct Parsed: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var path: [String]
        var values: [String: [String]] = [:]
        var arguments: [String] = []
        var testDescription: String { argv.joined(separator: " ") }
    }

    static let parsed: [Parsed] = [
        Parsed(argv: ["login"], path: ["login"]),
        Parsed(argv: ["login", "--email", "me@example.com", "--password-stdin"], path: ["login"],
               values: ["email": ["me@example.com"], "password-stdin": ["true"]]),
        Parsed(argv: ["login", "--email=me@example.com", "--password-stdin"], path: ["login"],
               values: ["email": ["me@example.com"], "password-stdin": ["true"]]),
        Parsed(argv: ["--profile", "ci", "login", "--with-token"], path: ["login"],
               values: ["profile": ["ci"], "with-token": ["true"]]),
        Parsed(argv: ["login", "--with-token", "--insecure-storage", "--profile=ci"], path: ["login"],
               values: ["with-token": ["true"], "insecure-storage": ["true"], "profile": ["ci"]]),
        Parsed(argv: ["logout", "--all"], path: ["logout"], values: ["all": ["true"]]),
        Parsed(argv: ["auth", "status", "--json"], path: ["auth", "status"], values: ["json": ["true"]]),
        Parsed(argv: ["--json", "auth", "status"], path: ["auth", "status"], values: ["json": ["true"]]),
        Parsed(argv: ["auth", "ls", "-o", "json"], path: ["auth", "list"], values: ["output": ["json"]]),
        Parsed(argv: ["auth", "token"], path: ["auth", "token"]),
        Parsed(argv: ["auth", "refresh", "-v"], path: ["auth", "refresh"], values: ["verbose": ["true"]]),
        Parsed(argv: ["-qo", "json", "servers", "list"], path: ["servers", "list"],
               values: ["quiet": ["true"], "output": ["json"]]),
        Parsed(argv: ["servers", "list", "-qojson"], path: ["servers", "list"],
               values: ["quiet": ["true"], "output": ["json"]]),
        Parsed(argv: ["servers", "ls", "--region", "eu-central", "--limit", "5"], path: ["servers", "list"],
               values: ["region": ["eu-central"], "limit": ["5"]]),
        Parsed(argv: ["config", "set", "output", "json"], path: ["config", "set"], arguments: ["output", "json"]),
        Parsed(argv: ["config", "set", "api_url", "--", "-weird"], path: ["config", "set"], arguments: ["api_url", "-weird"]),
        Parsed(argv: ["config", "get", "api_url", "--profile", "x"], path: ["config", "get"],
               values: ["profile": ["x"]], arguments: ["api_url"]),
        Parsed(argv: ["config", "path"], path: ["config", "path"]),
        Parsed(argv: ["config", "ls"], path: ["config", "list"]),
        Parsed(argv: ["doctor", "--timeout", "2.5"], path: ["doctor"], values: ["timeout": ["2.5"]]),
        Parsed(argv: ["help", "servers", "create"], path: ["help"], arguments: ["servers", "create"]),
        Parsed(argv: ["help", "exit-codes"], path: ["help"], arguments: ["exit-codes"]),
        Parsed(argv: ["completion", "zsh"], path: ["completion"], arguments: ["zsh"]),
        Parsed(argv: ["version"], path: ["version"]),
        Parsed(argv: ["man"], path: ["man"]),
        Parsed(argv: ["--no-input", "-y", "--no-color", "version"], path: ["version"],
               values: ["no-input": ["true"], "yes": ["true"], "no-color": ["true"]]),
    ]

    @Test(arguments: parsed)
    func parses(_ expected: Parsed) throws {
        let result = try Parser(root: CommandTree.root).parse(expected.argv)
        #expect(result.path == expected.path)
        #expect(result.values == expected.values)
        #expect(result.arguments == expected.arguments)
        #expect(result.action != nil, "every leaf of the real tree runs something")
    }

    /// argv → exit code and the exact stderr, through the real `NSXApp.run`.
    struct Failure: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var stderr: String
        var environment: [String: String] = [:]
        var testDescription: String { argv.joined(separator: " ") }
    }

    static let failures: [Failure] = [
        Failure(argv: ["sevrers"], stderr: """
            error: unknown command "sevrers" for "nsx"
            hint: Did you mean "servers"?
            hint: Usage: nsx <command> [flags]

            """),
        Failure(argv: ["auth", "stauts"], stderr: """
            error: unknown command "stauts" for "nsx auth"
            hint: Did you mean "status"?
            hint: Usage: nsx auth <command> [flags]

            """),
        Failure(argv: ["login", "--emial", "a@b.c"], stderr: """
            error: unknown option --emial
            hint: Did you mean "--email"?
            hint: Usage: nsx login [flags]

            """),
        Failure(argv: ["auth", "status", "-o", "jsn"], stderr: """
            error: invalid value "jsn" for --output: expected one of table, json, ndjson, csv, yaml
            hint: Did you mean "json"?
            hint: Usage: nsx auth status [flags]

            """),
        Failure(argv: ["config", "get", "colour"], stderr: """
            error: invalid value "colour" for KEY: expected one of api_url, output, color, profile
            hint: Did you mean "color"?
            hint: Usage: nsx config get KEY [flags]

            """),
        Failure(argv: ["completion", "tcsh"], stderr: """
            error: invalid value "tcsh" for SHELL: expected one of bash, zsh, fish
            hint: Did you mean "bash"?
            hint: Usage: nsx completion SHELL [flags]

            """),
        Failure(argv: ["--json", "-o", "yaml", "auth", "list"], stderr: """
            {"success":false,"error":{"code":"USAGE","message":"--json and --output yaml contradict each other"}}

            """),
        Failure(argv: ["--json", "-o", "yaml", "version"], stderr: """
            {"success":false,"error":{"code":"USAGE","message":"--json and --output yaml contradict each other"}}

            """),
        Failure(argv: ["--profile", "a/b", "auth", "list"], stderr: """
            error: invalid profile name "a/b"
            hint: Use letters, digits, '-', '_' and '.'.

            """),
        Failure(argv: ["auth", "list"], stderr: """
            error: invalid API URL "ftp://example.com"
            hint: It starts with https:// (or http:// for a loopback server).

            """, environment: ["NSX_API_URL": "ftp://example.com"]),
        Failure(argv: ["help", "sevrers"], stderr: """
            error: unknown command "sevrers" for "nsx"
            hint: Did you mean "servers"?
            hint: Usage: nsx help [COMMAND…] | help exit-codes | help environment | help formatting | help permissions

            """),
        Failure(argv: ["help", "exit-code"], stderr: """
            error: unknown command "exit-code" for "nsx"
            hint: Did you mean "exit-codes"?
            hint: Usage: nsx help [COMMAND…] | help exit-codes | help environment | help formatting | help permissions

            """),
        Failure(argv: ["help", "servers", "lst"], stderr: """
            error: unknown command "lst" for "nsx servers"
            hint: Did you mean "list"?
            hint: Usage: nsx help [COMMAND…] | help exit-codes | help environment | help formatting | help permissions

            """),
        Failure(argv: ["config", "set", "output", "jsn"], stderr: """
            error: invalid value "jsn" for output
            hint: Did you mean "json"? Use one of: table, json, ndjson, csv, yaml.

            """),
        Failure(argv: ["config", "set", "api_url", "http://example.com"], stderr: """
            error: invalid api_url "http://example.com": plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https

            """),
        Failure(argv: ["config", "set", "color", "always"], stderr: """
            error: invalid value "always" for color
            hint: Use one of: auto, never.

            """),
        Failure(argv: ["config", "set", "profile", "has space"], stderr: """
            error: invalid profile name "has space"
            hint: Use letters, digits, '-', '_' and '.'.

            """),
        Failure(argv: ["login"], stderr: """
            error: nsx login needs a terminal to ask for your email and password
            hint: In scripts pass --email E --password-stdin (the password on standard input), or --with-token (an API token on standard input).

            """),
        Failure(argv: ["login", "--password-stdin"], stderr: """
            error: --password-stdin needs --email
            hint: echo "$PASSWORD" | nsx login --email me@example.com --password-stdin

            """),
        Failure(argv: ["login", "--with-token", "--password-stdin"], stderr: """
            error: --with-token and --password-stdin cannot be used together
            hint: Standard input carries either a token or a password.

            """),
        Failure(argv: ["login", "--with-token", "--email", "me@example.com"], stderr: """
            error: --with-token does not take --email
            hint: The token itself says whose it is.

            """),
    ]

    @Test(arguments: failures)
    func failsWithUsage(_ failure: Failure) {
        let cli = TestCLI()
        cli.environment.merge(failure.environment) { $1 }
        let run = cli.run(failure.argv)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr == failure.stderr)
        #expect(run.stdout.isEmpty)
        #expect(cli.transport.requests.isEmpty, "a usage error sends nothing")
    }

    /// The same through the real entry point, which builds its own factory.
    @Test func realEntryPointReportsUsage() {
        let out = BufferSink(), err = BufferSink()
        let streams = IOStreams(out: out, err: err, stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false,
                                readInput: { [] }, readLine: { _, _ in nil }, width: { 80 })
        let status = NSXApp.run(arguments: ["sevrers"], environment: ["NSX_CONFIG_DIR": "/nonexistent/nsx-unit"], streams: streams)
        #expect(status == 2)
        #expect(err.text.hasPrefix("error: unknown command \"sevrers\" for \"nsx\"\nhint: Did you mean \"servers\"?"))
        #expect(out.text.isEmpty)
    }

    @Test func everyLeafOfTheRealTreeHasAnAction() {
        let missing = CommandTree.root.leaves().filter { $0.command.action == nil }.map { $0.path.joined(separator: " ") }
        #expect(missing.isEmpty, "leaves without an action: \(missing)")
    }

    @Test func theTreeIsConsistent() {
        #expect(CommandTree.root.consistencyProblems().isEmpty)
    }
}
