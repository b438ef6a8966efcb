import Testing
@testable import NSXServer

@Suite struct CommandLineTests {
    @Test func defaults() throws {
        let configuration = try #require(try CommandLineOptions.parse([], environment: ["HOME": "/home/u"]))
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.storage == .file("/home/u/.local/share/nsx-server/nsx.sqlite"))
        #expect(configuration.actionDelay == 2)
        #expect(configuration.rateLimit == 600)
        #expect(!configuration.demo)
        #expect(!configuration.faultInjection)
    }

    @Test func xdgDataHomeIsHonoured() throws {
        let configuration = try #require(try CommandLineOptions.parse([], environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"]))
        #expect(configuration.storage == .file("/data/nsx-server/nsx.sqlite"))
    }

    @Test func everyFlag() throws {
        let configuration = try #require(try CommandLineOptions.parse([
            "--host", "0.0.0.0", "--port=0", "--memory", "--user", "a@example.com:pw:Ann", "--user=b@example.com:pw2",
            "--demo", "--action-delay", "0.05", "--rate-limit", "0", "--enable-fault-injection",
        ], environment: [:]))
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
        let configuration = try #require(try CommandLineOptions.parse([
            "--header-timeout", "2.5", "--idle-timeout=30", "--max-connections", "64", "--users-file", "/etc/nsx/users",
            "--users-file=/run/more",
        ], environment: [:]))
        #expect(configuration.connectionLimits.headerTimeout == 2.5)
        #expect(configuration.connectionLimits.idleTimeout == 30)
        #expect(configuration.connectionLimits.maxConnections == 64)
        #expect(configuration.usersFiles == ["/etc/nsx/users", "/run/more"])
        let defaults = try #require(try CommandLineOptions.parse([], environment: [:]))
        #expect(defaults.connectionLimits == ConnectionLimits())
        #expect(defaults.connectionLimits.headerTimeout == 10)
        #expect(defaults.connectionLimits.idleTimeout == 60)
    }

    @Test func dataPath() throws {
        let configuration = try #require(try CommandLineOptions.parse(["--data", "/tmp/x/nsx.sqlite"], environment: [:]))
        #expect(configuration.storage == .file("/tmp/x/nsx.sqlite"))
    }

    @Test func helpReturnsNoConfiguration() throws {
        #expect(try CommandLineOptions.parse(["--help"], environment: [:]) == nil)
    }

    @Test(arguments: [
        ["--port"], ["--port", "eighty"], ["--port", "70000"], ["--memory", "--data", "/x"], ["--user", "nocolon"],
        ["--action-delay", "-1"], ["--rate-limit", "1.5"], ["--bogus"], ["--demo=yes"], ["serve"],
        ["--header-timeout", "0"], ["--idle-timeout", "soon"], ["--max-connections", "0"], ["--users-file"], ["--users-file="],
    ])
    func usageErrors(_ arguments: [String]) {
        #expect(throws: CommandLineOptions.UsageError.self) { try CommandLineOptions.parse(arguments, environment: [:]) }
    }
}
