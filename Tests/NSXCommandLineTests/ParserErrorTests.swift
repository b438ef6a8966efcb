import NSXCommandLine
import Testing

/// argv → the exact usage error, for the sample tree.
struct ParserErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var message: String
        var suggestion: String?
        var testDescription: String { argv.joined(separator: " ") }
    }

    static let cases: [Case] = [
        // Unknown command words, with "did you mean" by edit distance or prefix.
        Case(argv: ["sevrers"], message: #"unknown command "sevrers" for "nsx""#, suggestion: "servers"),
        Case(argv: ["servers", "lst"], message: #"unknown command "lst" for "nsx servers""#, suggestion: "list"),
        Case(argv: ["serv", "list"], message: #"unknown command "serv" for "nsx""#, suggestion: "servers"),
        Case(argv: ["-o", "json", "tokns", "show"], message: #"unknown command "tokns" for "nsx""#, suggestion: "tokens"),
        Case(argv: ["xyzzy"], message: #"unknown command "xyzzy" for "nsx""#),
        Case(argv: ["debgu"], message: #"unknown command "debgu" for "nsx""#),
        // ... with or without --help: help on the group would answer what was not asked.
        Case(argv: ["sevrers", "--help"], message: #"unknown command "sevrers" for "nsx""#, suggestion: "servers"),
        Case(argv: ["servers", "lst", "-h"], message: #"unknown command "lst" for "nsx servers""#, suggestion: "list"),
        Case(argv: ["-h", "servers", "lst"], message: #"unknown command "lst" for "nsx servers""#, suggestion: "list"),
        // Unknown options, suggested among those valid at that point.
        Case(argv: ["servers", "list", "--jsn"], message: "unknown option --jsn", suggestion: "--json"),
        Case(argv: ["servers", "list", "--stat", "running"], message: "unknown option --stat", suggestion: "--status"),
        Case(argv: ["--stat", "servers", "list"], message: "unknown option --stat"),
        Case(argv: ["servers", "list", "--jsn=1"], message: "unknown option --jsn", suggestion: "--json"),
        Case(argv: ["servers", "list", "-x"], message: "unknown option -x"),
        Case(argv: ["servers", "list", "-qx"], message: "unknown option -x"),
        Case(argv: ["servers", "list", "--version"], message: "unknown option --version"),
        Case(argv: ["--=x"], message: "unknown option --=x"),
        Case(argv: ["api", "-inf"], message: "unknown option -i"),  // only digits make a negative number
        // Values checked against their kind.
        Case(argv: ["servers", "list", "--limit", "abc"],
             message: #"invalid value "abc" for --limit: expected an integer from 1 to 100"#),
        Case(argv: ["servers", "list", "-L", "0"],
             message: #"invalid value "0" for --limit: expected an integer from 1 to 100"#),
        Case(argv: ["servers", "list", "-L101"],
             message: #"invalid value "101" for --limit: expected an integer from 1 to 100"#),
        Case(argv: ["-o", "jsn", "servers", "list"],
             message: #"invalid value "jsn" for --output: expected one of table, json, yaml"#, suggestion: "json"),
        Case(argv: ["servers", "list", "--status=runing"],
             message: #"invalid value "runing" for --status: expected one of running, stopped, failed"#,
             suggestion: "running"),
        Case(argv: ["servers", "create", "--wait-timeout", "5x"],
             message: #"invalid value "5x" for --wait-timeout: expected a duration such as 30s, 5m, 2h or 7d"#),
        Case(argv: ["servers", "create", "--cpu-share", "lots"],
             message: #"invalid value "lots" for --cpu-share: expected a number"#),
        Case(argv: ["servers", "create", "--user-data="],
             message: #"invalid value "" for --user-data: expected a path"#),
        // Missing and unexpected values.
        Case(argv: ["servers", "list", "--timeout"], message: "option --timeout needs a value"),
        Case(argv: ["servers", "list", "-o"], message: "option --output needs a value"),
        Case(argv: ["servers", "list", "-qo"], message: "option --output needs a value"),
        Case(argv: ["servers", "list", "--status", "--all"], message: "option --status needs a value"),
        Case(argv: ["servers", "list", "--status", "--"], message: "option --status needs a value"),
        Case(argv: ["--yes=true", "servers", "list"], message: "option --yes does not take a value"),
        // A value option given twice.
        Case(argv: ["servers", "create", "--name", "a", "--name", "b"], message: "option --name given more than once"),
        Case(argv: ["-o", "json", "servers", "list", "--output=yaml"], message: "option --output given more than once"),
        Case(argv: ["tokens", "create", "-nfoo", "-n", "bar"], message: "option --name given more than once"),
        // Groups need a subcommand; hidden ones are not offered.
        Case(argv: [], message: #""nsx" needs a subcommand: servers, tokens, config, api, completion, help"#),
        Case(argv: ["servers", "-o", "json"], message: #""nsx servers" needs a subcommand: list, get, create, delete"#),
        // Positional arguments.
        Case(argv: ["servers", "get"], message: "missing argument ID"),
        Case(argv: ["servers", "delete"], message: "missing argument ID"),
        Case(argv: ["api"], message: "missing argument PATH"),
        Case(argv: ["servers", "get", "a", "b"], message: #"unexpected argument "b" for "nsx servers get""#),
        Case(argv: ["servers", "list", "extra"], message: #"unexpected argument "extra" for "nsx servers list""#),
        Case(argv: ["api", "GET", "a", "b"], message: #"unexpected argument "b" for "nsx api""#),
        Case(argv: ["--", "servers"], message: #"unexpected argument "servers" for "nsx""#),
        Case(argv: ["completion", "ksh"],
             message: #"invalid value "ksh" for SHELL: expected one of bash, zsh, fish"#, suggestion: "zsh"),
        Case(argv: ["config", "set", "colour", "auto"],
             message: #"invalid value "colour" for KEY: expected one of output, color"#, suggestion: "color"),
        Case(argv: ["api", "FETCH", "x"],
             message: #"invalid value "FETCH" for METHOD: expected one of GET, POST, DELETE"#),
    ]

    @Test(arguments: cases)
    func rejects(_ testCase: Case) {
        #expect {
            try Sample.parser.parse(testCase.argv)
        } throws: { error in
            guard let error = error as? UsageError else { return false }
            return error.message == testCase.message && error.suggestion == testCase.suggestion
        }
    }

    @Test func describesTheErrorWithSuggestionUsageAndWhereToLookNext() throws {
        let error = try #require(throws: UsageError.self) { try Sample.parser.parse(["sevrers", "list"]) }
        #expect(error.description == """
            unknown command "sevrers" for "nsx"
            Did you mean "servers"?
            Usage: nsx [global options] <command> [<subcommand>] [arguments]
            Run "nsx --help" for more information.
            """)
    }

    @Test func carriesTheCommandReachedAndTheArgvPosition() throws {
        let error = try #require(throws: UsageError.self) {
            try Sample.parser.parse(["-q", "server", "ls", "--limit", "abc"])
        }
        #expect(error.reason == .invalidValue(value: "abc", name: "--limit", expected: "an integer from 1 to 100"))
        #expect(error.commandPath == ["servers", "list"])
        #expect(error.program == "nsx")
        #expect(error.usageLine == "nsx servers list [flags]")
        #expect(error.position == 3)
        #expect(error.suggestionLine == nil)
        #expect(error.description == """
            invalid value "abc" for --limit: expected an integer from 1 to 100
            Usage: nsx servers list [flags]
            Run "nsx servers list --help" for more information.
            """)
    }

    /// Checks a program makes after parsing read like the parser's own.
    @Test func errorsFoundAfterParsingTakeTheCommandsUsage() {
        let error = Sample.parser.usageError(.conflictingOptions(["--json", "--quiet"]), at: ["servers", "list"])
        #expect(error.commandPath == ["servers", "list"])
        #expect(error.description == """
            options --json and --quiet cannot be used together
            Usage: nsx servers list [flags]
            Run "nsx servers list --help" for more information.
            """)
        #expect(Sample.parser.usageError(.missingArgument(name: "ID")).usageLine == "nsx [global options] <command> [<subcommand>] [arguments]")
    }

    @Test func groupWithoutSubcommandCarriesTheChoices() throws {
        let error = try #require(throws: UsageError.self) { try Sample.parser.parse(["tokens"]) }
        #expect(error.reason == .missingSubcommand(command: "nsx tokens", available: ["create", "show"]))
        #expect(error.usageLine == "nsx tokens <command> [flags]")
        #expect(error.position == nil)
    }

    @Test func unexpectedArgumentPointsAtTheWord() throws {
        let error = try #require(throws: UsageError.self) { try Sample.parser.parse(["servers", "get", "-q", "a", "b"]) }
        #expect(error.position == 4)
    }

    /// An option marked required is the parser's to insist on; help still works without it.
    @Test func aRequiredOptionMustBeGiven() throws {
        let root = Command<Int>("tool", summary: "A tool", subcommands: [
            Command("make", summary: "Make", options: [
                ValueOption.value("name", help: "Name").required,
                ValueOption.value("size", .choice(["s", "m"]), help: "Size").required,
            ], action: 1),
        ])
        let parser = Parser(root: root)
        let noName = try #require(throws: UsageError.self) { try parser.parse(["make", "--size", "s"]) }
        #expect(noName.reason == .missingOption(option: "--name", expected: nil))
        #expect(noName.message == "--name is required")
        #expect(noName.usageLine == "tool make --name string --size string [flags]")
        let noSize = try #require(throws: UsageError.self) { try parser.parse(["make", "--name", "x"]) }
        #expect(noSize.message == "--size is required (one of s, m)")
        #expect(try parser.parse(["make", "--name=x", "--size", "m"]).path == ["make"])
        #expect(try parser.parse(["make", "--help"]).helpRequested)
    }
}
