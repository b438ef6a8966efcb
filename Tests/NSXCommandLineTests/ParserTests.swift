import NSXCommandLine
import Testing

/// argv → what the parser understood, for the sample tree.
struct ParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var path: [String]
        var values: [String: [String]] = [:]
        var arguments: [String] = []
        var testDescription: String { argv.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(argv: ["servers", "list"], path: ["servers", "list"]),
        // Global options before, between and after the command words.
        Case(argv: ["-o", "json", "servers", "list"], path: ["servers", "list"], values: ["output": ["json"]]),
        Case(argv: ["servers", "list", "-o", "json"], path: ["servers", "list"], values: ["output": ["json"]]),
        Case(argv: ["servers", "-o", "json", "list"], path: ["servers", "list"], values: ["output": ["json"]]),
        // Every way to give a value; aliases resolve to canonical names.
        Case(argv: ["--output=json", "server", "ls"], path: ["servers", "list"], values: ["output": ["json"]]),
        Case(argv: ["servers", "list", "--output", "yaml"], path: ["servers", "list"], values: ["output": ["yaml"]]),
        Case(argv: ["servers", "list", "-ojson"], path: ["servers", "list"], values: ["output": ["json"]]),
        Case(argv: ["servers", "list", "-o=json"], path: ["servers", "list"], values: ["output": ["json"]]),
        // Bundled short flags, and a bundle ending in a value option.
        Case(argv: ["-qy", "servers", "delete", "a", "b"], path: ["servers", "delete"],
             values: ["quiet": ["true"], "yes": ["true"]], arguments: ["a", "b"]),
        Case(argv: ["-qo", "json", "servers", "list"], path: ["servers", "list"],
             values: ["quiet": ["true"], "output": ["json"]]),
        Case(argv: ["-qojson", "servers", "list"], path: ["servers", "list"],
             values: ["quiet": ["true"], "output": ["json"]]),
        // Repeated options keep their order; flags are idempotent.
        Case(argv: ["servers", "list", "--label", "a=1", "--label=b=2", "--label", "c=3"], path: ["servers", "list"],
             values: ["label": ["a=1", "b=2", "c=3"]]),
        Case(argv: ["-v", "servers", "list", "-v", "--verbose"], path: ["servers", "list"], values: ["verbose": ["true"]]),
        Case(argv: ["servers", "list", "-L", "100", "-s", "running", "--all"], path: ["servers", "list"],
             values: ["limit": ["100"], "status": ["running"], "all": ["true"]]),
        Case(argv: ["--timeout", "600", "servers", "ls", "--limit=1"], path: ["servers", "list"],
             values: ["timeout": ["600"], "limit": ["1"]]),
        // An inherited group option, on the group and below it.
        Case(argv: ["servers", "-p", "acme", "list"], path: ["servers", "list"], values: ["project": ["acme"]]),
        Case(argv: ["servers", "list", "--project", "acme"], path: ["servers", "list"], values: ["project": ["acme"]]),
        // Typed values.
        Case(argv: ["servers", "create", "--name", "web", "--plan", "small", "--user-data", "-", "--cpu-share", "0.5",
                    "--wait-timeout", "1h30m", "--wait"],
             path: ["servers", "create"],
             values: ["name": ["web"], "plan": ["small"], "user-data": ["-"], "cpu-share": ["0.5"],
                      "wait-timeout": ["1h30m"], "wait": ["true"]]),
        Case(argv: ["tokens", "create", "--expires", "7d", "--perm", "servers:read", "--perm", "tokens:*", "-n", "ci"],
             path: ["tokens", "create"],
             values: ["expires": ["7d"], "perm": ["servers:read", "tokens:*"], "name": ["ci"]]),
        // A value may start with a single dash (a negative number, or - for stdin).
        Case(argv: ["servers", "create", "--cpu-share", "-1.5"], path: ["servers", "create"], values: ["cpu-share": ["-1.5"]]),
        // Positionals: `--` ends options, `-` alone is a word, negative numbers are words.
        Case(argv: ["api", "--", "-weird"], path: ["api"], arguments: ["-weird"]),
        Case(argv: ["servers", "get", "--", "--help"], path: ["servers", "get"], arguments: ["--help"]),
        Case(argv: ["api", "-"], path: ["api"], arguments: ["-"]),
        Case(argv: ["api", "-5"], path: ["api"], arguments: ["-5"]),
        Case(argv: ["api", "-.5"], path: ["api"], arguments: ["-.5"]),
        Case(argv: ["api", "POST", "servers", "-f", "name=a", "--field", "plan=small"], path: ["api"],
             values: ["field": ["name=a", "plan=small"]], arguments: ["POST", "servers"]),
        // A group with an action of its own runs without a subcommand.
        Case(argv: ["config"], path: ["config"]),
        Case(argv: ["config", "set", "output", "json"], path: ["config", "set"], arguments: ["output", "json"]),
        Case(argv: ["help"], path: ["help"]),
        Case(argv: ["help", "servers", "list"], path: ["help"], arguments: ["servers", "list"]),
        // Hidden commands still parse.
        Case(argv: ["debug", "-v"], path: ["debug"], values: ["verbose": ["true"]]),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: Case) throws {
        let parsed = try Sample.parser.parse(testCase.argv)
        #expect(parsed.path == testCase.path)
        #expect(parsed.command.name == testCase.path.last)
        #expect(parsed.values == testCase.values)
        #expect(parsed.arguments == testCase.arguments)
        #expect(!parsed.helpRequested)
        #expect(!parsed.versionRequested)
    }

    @Test func handsBackTheActionOfTheCommandReached() throws {
        #expect(try Sample.parser.parse(["server", "ls"]).action == .serversList)
        #expect(try Sample.parser.parse(["config"]).action == .configList)
        #expect(try Sample.parser.parse(["config", "set", "color", "never"]).action == .configSet)
    }

    @Test func accessorsReadTypedValues() throws {
        let parsed = try Sample.parser.parse([
            "servers", "create", "--name", "web", "--cpu-share", "0.25", "--wait-timeout", "2h", "--timeout", "45", "-q",
        ])
        #expect(parsed[Sample.quiet])
        #expect(!parsed[Sample.yes])
        #expect(parsed[Sample.name] == "web")
        #expect(parsed[Sample.plan] == nil)
        #expect(parsed[Sample.label] == [])
        #expect(parsed[Sample.timeout] == 45)
        #expect(parsed[Sample.cpuShare] == 0.25)
        #expect(parsed[Sample.waitTimeout] == 7_200)
    }

    @Test func valueReturnsTheLastOfARepeatedOption() throws {
        let parsed = try Sample.parser.parse(["api", "x", "-f", "a=1", "-f", "a=2"])
        #expect(parsed[Sample.field] == ["a=1", "a=2"])
        #expect(parsed[ValueOption.value("field", help: "")] == "a=2", "read as one value, the last one counts")
    }

    struct ArgumentCase: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var named: [String: [String]]
        var testDescription: String { argv.joined(separator: " ") }
    }

    /// Required arguments are served first: `api [METHOD] PATH` with one word fills PATH.
    @Test(arguments: [
        ArgumentCase(argv: ["api", "servers"], named: ["PATH": ["servers"]]),
        ArgumentCase(argv: ["api", "GET", "servers"], named: ["METHOD": ["GET"], "PATH": ["servers"]]),
        ArgumentCase(argv: ["servers", "delete", "a", "b", "c"], named: ["ID": ["a", "b", "c"]]),
        ArgumentCase(argv: ["help"], named: [:]),
        ArgumentCase(argv: ["help", "servers", "list"], named: ["COMMAND": ["servers", "list"]]),
        ArgumentCase(argv: ["config", "set", "color", "auto"], named: ["KEY": ["color"], "VALUE": ["auto"]]),
    ])
    func bindsWordsToNamedArguments(_ testCase: ArgumentCase) throws {
        let parsed = try Sample.parser.parse(testCase.argv)
        #expect(parsed.argumentValues == testCase.named)
    }

    @Test func namedArgumentAccessors() throws {
        let parsed = try Sample.parser.parse(["api", "DELETE", "servers/1"])
        #expect(parsed[Sample.method] == "DELETE")
        #expect(parsed[Sample.path] == "servers/1")
        let withoutMethod = try Sample.parser.parse(["api", "servers/1"])
        #expect(withoutMethod[Sample.method] == nil)
        #expect(withoutMethod[WordsArgument.words("BODY", optional: true)] == [])
    }

    struct HelpCase: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var path: [String]
        var testDescription: String { argv.joined(separator: " ") }
    }

    /// Help wins over every other problem and names the command reached — except a word that
    /// names no command (ParserErrorTests).
    @Test(arguments: [
        HelpCase(argv: ["--help"], path: []),
        HelpCase(argv: ["-h"], path: []),
        HelpCase(argv: ["-h", "servers"], path: ["servers"]),
        HelpCase(argv: ["servers", "--help", "list"], path: ["servers", "list"]),
        HelpCase(argv: ["servers", "list", "-h"], path: ["servers", "list"]),
        HelpCase(argv: ["server", "ls", "-qh"], path: ["servers", "list"]),
        HelpCase(argv: ["servers", "--help"], path: ["servers"]),
        HelpCase(argv: ["servers", "get", "--help"], path: ["servers", "get"]),
        HelpCase(argv: ["servers", "list", "--limit", "abc", "-h"], path: ["servers", "list"]),
        HelpCase(argv: ["servers", "list", "--bogus", "--help"], path: ["servers", "list"]),
        HelpCase(argv: ["-h", "servers", "list", "--bogus"], path: ["servers", "list"]),
        HelpCase(argv: ["servers", "get", "a", "b", "-h"], path: ["servers", "get"]),
    ])
    func helpRequested(_ testCase: HelpCase) throws {
        let parsed = try Sample.parser.parse(testCase.argv)
        #expect(parsed.helpRequested)
        #expect(parsed.path == testCase.path)
    }

    @Test func helpAfterTheTerminatorIsAnArgument() throws {
        let parsed = try Sample.parser.parse(["api", "--", "-h"])
        #expect(!parsed.helpRequested)
        #expect(parsed.arguments == ["-h"])
    }

    @Test func versionAtTheRoot() throws {
        let parsed = try Sample.parser.parse(["--version"])
        #expect(parsed.versionRequested)
        #expect(!parsed.helpRequested)
        #expect(parsed.path == [])
    }

    @Test func versionIsOnlyARootOption() {
        #expect(throws: UsageError.self) { try Sample.parser.parse(["servers", "list", "--version"]) }
    }
}
