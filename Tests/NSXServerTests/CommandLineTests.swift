import NSXCommandLine
import Testing
@testable import NSXServer

@Suite struct CommandLineTests {
    private func configured(_ arguments: [String], environment: [String: String] = [:]) throws -> ServerConfiguration {
        guard case .run(let configuration) = try CommandLineOptions.parse(arguments, environment: environment) else {
            throw ServerProcess.Failure("\(arguments) did not ask to run")
        }
        return configuration
    }

    @Test func defaults() throws {
        let configuration = try configured([], environment: ["HOME": "/home/u"])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.storage == .file("/home/u/.local/share/nsx-server/nsx.sqlite"))
        #expect(configuration.actionDelay == 2)
        #expect(configuration.rateLimit == 600)
        #expect(configuration.users.isEmpty && configuration.usersFiles.isEmpty)
        #expect(!configuration.demo)
        #expect(!configuration.faultInjection)
        #expect(configuration.connectionLimits == ConnectionLimits())
    }

    @Test func xdgDataHomeIsHonoured() throws {
        let configuration = try configured([], environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"])
        #expect(configuration.storage == .file("/data/nsx-server/nsx.sqlite"))
    }

    @Test func everyFlag() throws {
        let configuration = try configured([
            "--host", "0.0.0.0", "--port=0", "--memory", "--user", "a@example.com:pw:Ann", "--user=b@example.com:pw2",
            "--demo", "--action-delay", "0.05", "--rate-limit", "0", "--enable-fault-injection",
        ])
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 0)
        #expect(configuration.storage == .memory)
        #expect(configuration.users == [SeedUser(email: "a@example.com", password: "pw", name: "Ann"),
                                        SeedUser(email: "b@example.com", password: "pw2", name: "b")])
        #expect(configuration.demo)
        #expect(configuration.actionDelay == 0.05)
        #expect(configuration.rateLimit == 0)
        #expect(configuration.faultInjection)
    }

    @Test func connectionLimitsAndUsersFiles() throws {
        let configuration = try configured([
            "--header-timeout", "2.5", "--idle-timeout=30", "--max-connections", "64", "--users-file", "/etc/nsx/users",
            "--users-file=/run/more",
        ])
        #expect(configuration.connectionLimits.headerTimeout == 2.5)
        #expect(configuration.connectionLimits.idleTimeout == 30)
        #expect(configuration.connectionLimits.maxConnections == 64)
        #expect(configuration.usersFiles == ["/etc/nsx/users", "/run/more"])
        let defaults = try configured([])
        #expect(defaults.connectionLimits.headerTimeout == 10)
        #expect(defaults.connectionLimits.idleTimeout == 60)
        #expect(defaults.connectionLimits.maxConnections == 512)
    }

    /// `--clock-start` moves the server's clock and lets it run on at the normal pace.
    @Test func clockStart() throws {
        let configuration = try configured(["--clock-start", "2020-02-29T12:00:00Z"])
        let now = configuration.clock.now()
        #expect(now >= 1_582_977_600 && now < 1_582_977_600 + 60)
        let later = configuration.clock.now()
        #expect(later >= now)
        #expect(try configured([]).clock.now() > 1_700_000_000)
    }

    @Test func dataPath() throws {
        #expect(try configured(["--data", "/tmp/x/nsx.sqlite"]).storage == .file("/tmp/x/nsx.sqlite"))
    }

    @Test func helpAndVersion() throws {
        for words in [["--help"], ["-h"], ["--port", "1", "--help"], ["--bogus", "-h"]] {
            guard case .help(let page) = try CommandLineOptions.parse(words, environment: [:]) else {
                Issue.record("\(words) did not ask for help")
                continue
            }
            #expect(page == CommandLineOptions.help)
        }
        guard case .version(let line) = try CommandLineOptions.parse(["--version"], environment: [:]) else {
            Issue.record("--version did not ask for the version")
            return
        }
        #expect(line == "nsx-server \(NSXVersion.current)")
    }

    /// The help page is rendered from the declaration, so it names every flag with its default.
    @Test func helpNamesEveryFlag() {
        let page = CommandLineOptions.help
        for option in CommandLineOptions.command.options {
            #expect(page.contains("--\(option.long)"), "\(option.long)")
        }
        #expect(page.contains("USAGE\n  nsx-server [flags]"))
        #expect(page.contains("--port int") && page.contains("(default 8080)"))
        #expect(page.contains("--header-timeout seconds") && page.contains("(default 10)"))
    }

    @Test(arguments: [
        (["--port"], "option --port needs a value"),
        (["--port", "eighty"], #"invalid value "eighty" for --port: expected an integer from 0 to 65535"#),
        (["--port", "70000"], #"invalid value "70000" for --port: expected an integer from 0 to 65535"#),
        (["--memory", "--data", "/x"], "options --data and --memory cannot be used together"),
        (["--user", "nocolon"], #"invalid value "nocolon…" for --user: expected EMAIL:PASSWORD[:NAME]"#),
        (["--user", "@:pw"], #"invalid value "@…" for --user: expected EMAIL:PASSWORD[:NAME]"#),
        (["--user", "a@example.com:"], #"invalid value "a@example.com…" for --user: expected EMAIL:PASSWORD[:NAME]"#),
        (["--user", "a@:pw"], #"invalid value "a@…" for --user: expected EMAIL:PASSWORD[:NAME]"#),
        (["--user", ""], #"invalid value "…" for --user: expected EMAIL:PASSWORD[:NAME]"#),
        (["--action-delay", "-1"], #"invalid value "-1" for --action-delay: expected a number from 0 to 86400"#),
        (["--rate-limit", "1.5"], #"invalid value "1.5" for --rate-limit: expected an integer of at least 0"#),
        (["--bogus"], "unknown option --bogus"),
        (["--demo=yes"], "option --demo does not take a value"),
        (["serve"], #"unexpected argument "serve" for "nsx-server""#),
        (["--header-timeout", "0"], #"invalid value "0" for --header-timeout: expected a number from 0.1 to 3600"#),
        (["--idle-timeout", "soon"], #"invalid value "soon" for --idle-timeout: expected a number from 0.1 to 86400"#),
        (["--max-connections", "0"], #"invalid value "0" for --max-connections: expected an integer from 1 to 1000000"#),
        (["--users-file"], "option --users-file needs a value"),
        (["--users-file="], #"invalid value "" for --users-file: expected a path"#),
        (["--host="], #"invalid value "" for --host: expected a host name or address"#),
        (["--port", "1", "--port", "2"], "option --port given more than once"),
        (["--clock-start", "2021-02-31T00:00:00Z"],
         #"invalid value "2021-02-31T00:00:00Z" for --clock-start: expected an RFC 3339 time, e.g. 2026-01-31T09:00:00Z"#),
        (["--clock-start", "yesterday"],
         #"invalid value "yesterday" for --clock-start: expected an RFC 3339 time, e.g. 2026-01-31T09:00:00Z"#),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        #expect {
            try CommandLineOptions.parse(arguments, environment: [:])
        } throws: { error in
            guard let error = error as? UsageError else { return false }
            return error.message == message && error.usageLine == "nsx-server [flags]"
        }
    }

    /// Every shape of `EMAIL:PASSWORD[:NAME]`; `@:pw` crashed the server (an empty local part).
    @Test func seedUserSpecs() {
        #expect(SeedUser(spec: "ann@example.com:pw") == SeedUser(email: "ann@example.com", password: "pw", name: "ann"))
        #expect(SeedUser(spec: "ann@example.com:pw:") == SeedUser(email: "ann@example.com", password: "pw", name: "ann"))
        #expect(SeedUser(spec: "ann@example.com:p:Ann: Admin") == SeedUser(email: "ann@example.com", password: "p", name: "Ann: Admin"))
        for bad in ["", ":", "@", "@:pw", "a@:pw", "@example.com:pw", "ann@example.com", "ann@example.com:", "ann:pw", ":pw"] {
            #expect(SeedUser(spec: bad) == nil, "\(bad)")
        }
    }

    /// The real binary: exit 2, the message, the usage line and where help is, on stderr; a
    /// password given to a misspelt option is never echoed.
    @Test func usageErrorsExitTwoWithoutEchoingPasswords() throws {
        let (status, stdout, stderr) = try ServerProcess.runToExit(arguments: ["--memory", "--usr=a@example.com:hunter2secret"])
        #expect(status == 2)
        #expect(stdout.isEmpty)
        #expect(stderr.contains("nsx-server: unknown option --usr"))
        #expect(stderr.contains("Did you mean \"--user\"?"))
        #expect(stderr.contains("Usage: nsx-server [flags]"))
        #expect(stderr.contains("Run \"nsx-server --help\" for more information."))
        #expect(!stderr.contains("hunter2"))

        let malformed = try ServerProcess.runToExit(arguments: ["--memory", "--user", "@:hunter2secret"])
        #expect(malformed.status == 2)
        #expect(!malformed.stderr.contains("hunter2"))
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try ServerProcess.runToExit(arguments: ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout == CommandLineOptions.help)
        #expect(help.stderr.isEmpty)
        let version = try ServerProcess.runToExit(arguments: ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "nsx-server \(NSXVersion.current)\n")
    }
}
