import NSXCommandLine

/// `nsx-server`'s command line as data. NSXCommandLine parses argv against it and renders
/// `--help` from it, as it does for `nsx`; `ServerConfiguration+CommandLine.swift` reads the
/// parsed words into a configuration.
public enum CommandLineOptions {
    fileprivate static let defaults = ServerConfiguration(storage: .memory)

    static let command = Command<Never>(
        "nsx-server",
        summary: "The local Nurosentrix API server",
        discussion: """
            Serves the whole API of docs/openapi.yaml from a SQLite file (or memory). It prints one line, \
            "nsx-server listening on http://HOST:PORT", once it accepts connections.

            Accounts come from --users-file: one EMAIL:PASSWORD[:NAME] a line, in a file only its \
            owner may read (chmod 600). --user puts the password in the process list, where every \
            local user can read it; keep it for throwaway runs.
            """,
        options: [
            .host, .port, .data, .memory, .usersFile, .user, .demo, .actionDelay, .rateLimit,
            .headerTimeout, .idleTimeout, .maxConnections, .clockStart, .enableFaultInjection,
        ],
        examples: [
            Example("nsx-server --users-file ~/.config/nsx-server-users", summary: "Keep data in ~/.local/share/nsx-server"),
            Example("nsx-server --port 0 --memory --demo", summary: "Throwaway data with the demo account and resources"),
        ])

    static let parser = Parser(root: command)

    /// The help page, as `nsx-server --help` prints it.
    public static var help: String { HelpRenderer(root: command).render(path: [])! }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension OptionKey where Self == ValueOption {
    static var host: Self {
        .value("host", valueName: "address", help: "Address to listen on", default: CommandLineOptions.defaults.host)
    }
    static var data: Self {
        .value("data", .path, valueName: "path",
               help: "The database file; its folder is made private (default $XDG_DATA_HOME/nsx-server/nsx.sqlite)")
    }
    static var clockStart: Self {
        .value("clock-start", valueName: "time",
               help: "Start the server's clock at this RFC 3339 time; it then runs at the normal pace (to make old or expiring data)")
    }
}

extension OptionKey where Self == IntegerOption {
    static var port: Self {
        .integer("port", in: 0...65_535, help: "TCP port; 0 picks a free one", default: String(CommandLineOptions.defaults.port))
    }
    static var rateLimit: Self {
        .integer("rate-limit", in: 0...Int.max, valueName: "n", help: "Requests per credential per minute; 0 turns limiting off",
                 default: String(CommandLineOptions.defaults.rateLimit))
    }
    static var maxConnections: Self {
        .integer("max-connections", in: 1...1_000_000, valueName: "n", help: "Connections open at once; more are closed on arrival",
                 default: String(CommandLineOptions.defaults.connectionLimits.maxConnections))
    }
}

extension OptionKey where Self == NumberOption {
    static var actionDelay: Self {
        .number("action-delay", in: 0...86_400, valueName: "seconds", help: "How long a timed state transition takes",
                default: CommandLineOptions.seconds(CommandLineOptions.defaults.actionDelay))
    }
    static var headerTimeout: Self {
        .number("header-timeout", in: 0.1...3_600, valueName: "seconds", help: "Time a client has to send a request's headers",
                default: CommandLineOptions.seconds(CommandLineOptions.defaults.connectionLimits.headerTimeout))
    }
    static var idleTimeout: Self {
        .number("idle-timeout", in: 0.1...86_400, valueName: "seconds", help: "A connection idle this long is closed",
                default: CommandLineOptions.seconds(CommandLineOptions.defaults.connectionLimits.idleTimeout))
    }
}

extension OptionKey where Self == FlagOption {
    static var memory: Self { .flag("memory", help: "Keep data in memory only: it is gone when the server stops") }
    static var demo: Self { .flag("demo", help: "Add the demo account (demo@example.com / demo-password) and its resources") }
    static var enableFaultInjection: Self {
        .flag("enable-fault-injection", help: "Serve /__faults, which makes chosen requests fail (for client tests)")
    }
}

extension OptionKey where Self == ListOption {
    static var usersFile: Self {
        .list("users-file", .path, valueName: "file", help: "Accounts, one EMAIL:PASSWORD[:NAME] a line; the file must be private")
    }
    static var user: Self {
        .list("user", valueName: "email:password[:name]", help: "An account (its password shows in the process list)")
    }
}
