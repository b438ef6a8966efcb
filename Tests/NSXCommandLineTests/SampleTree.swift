import NSXCommandLine

/// What the sample tree's commands would run; the parser hands it back untouched.
enum SampleAction: Sendable, Equatable {
    case serversList, serversGet, serversCreate, serversDelete
    case tokensCreate, tokensShow
    case configList, configSet
    case api, completion, help, debug
}

/// A small tree with what the parser must handle: nested groups, global options
/// (flags, choices, integers), an inherited group option, aliases, repeatable options,
/// durations, paths, numbers, optional and variadic arguments, argument choices, values
/// completed by asking the program, a group with an action of its own, and a hidden command.
enum Sample {
    static let root = Command<SampleAction>(
        "nsx",
        summary: "Work with Nurosentrix from the command line",
        discussion: "Manage servers and API tokens. Options may stand before or after the command words.",
        usage: "[global options] <command> [<subcommand>] [arguments]",
        options: [
            .value("output", short: "o", .choice(["table", "json", "yaml"]), valueName: "format",
                   help: "Output format", default: "table", environment: "NSX_OUTPUT"),
            .flag("json", help: "Same as -o json"),
            .value("profile", help: "Stored login to use", default: "default", environment: "NSX_PROFILE"),
            Sample.quiet,
            Sample.yes,
            .flag("verbose", short: "v", help: "Trace HTTP requests on stderr", environment: "NSX_DEBUG=1"),
            Sample.timeout,
        ],
        subcommands: [servers, tokens, config, api, completion, help, debug],
        examples: [Example("nsx servers list -o json", summary: "List servers as JSON")])

    static let servers = Command<SampleAction>(
        "servers",
        aliases: ["server"],
        summary: "Manage servers",
        options: [.value("project", short: "p", help: "Project to work in", inherited: true)],
        subcommands: [
            Command("list", aliases: ["ls"], summary: "List servers",
                    options: [
                        .value("status", short: "s", .choice(["running", "stopped", "failed"]), help: "Only servers in this state"),
                        Sample.label,
                        .integer("limit", short: "L", in: 1...100, help: "Most servers to show", default: "20"),
                        .flag("all", help: "Show every page"),
                    ],
                    examples: [Example("nsx servers list --status running --label env=prod")],
                    permissions: ["servers:read"], action: .serversList),
            Command("get", summary: "Show one server",
                    arguments: [WordArgument.word("ID", help: "Server ID or name").completing(DynamicCompletion("servers"))],
                    permissions: ["servers:read"], action: .serversGet),
            Command("create", summary: "Create a server",
                    discussion: "The server starts at once unless the plan is sold out.",
                    usage: "--name NAME --plan PLAN [flags]",
                    options: [
                        Sample.name,
                        Sample.plan,
                        .value("user-data", .path, help: "Cloud-init file (- for standard input)"),
                        Sample.cpuShare,
                        Sample.waitTimeout,
                        .flag("wait", help: "Wait until the server runs"),
                    ],
                    permissions: ["servers:write"], action: .serversCreate),
            Command("delete", summary: "Delete servers",
                    arguments: [WordsArgument.words("ID", help: "Servers to delete").completing(DynamicCompletion("servers"))],
                    permissions: ["servers:write"], action: .serversDelete),
        ])

    static let tokens = Command<SampleAction>(
        "tokens",
        summary: "Manage API tokens",
        subcommands: [
            Command("create", summary: "Create an API token",
                    options: [
                        .value("name", short: "n", help: "Token name"),
                        ListOption.list("perm", help: "Permission to grant").completing(DynamicCompletion("permissions")),
                        .duration("expires", help: "Lifetime of the token"),
                    ],
                    permissions: ["tokens:write"], action: .tokensCreate),
            Command("show", summary: "Show one token",
                    arguments: [.word("ID")],
                    permissions: ["tokens:read"], action: .tokensShow),
        ])

    static let config = Command<SampleAction>(
        "config",
        summary: "Read and change settings",
        subcommands: [
            Command("set", summary: "Change a setting",
                    arguments: [.word("KEY", choices: ["output", "color"]), .word("VALUE")],
                    action: .configSet),
        ],
        action: .configList)

    static let api = Command<SampleAction>(
        "api",
        summary: "Send a request to the API",
        options: [
            Sample.field,
            .value("input", .path, help: "Read the body from a file"),
        ],
        arguments: [Sample.method, Sample.path],
        action: .api)

    static let completion = Command<SampleAction>(
        "completion",
        summary: "Print a shell completion script",
        arguments: [.word("SHELL", choices: ["bash", "zsh", "fish"])],
        action: .completion)

    static let help = Command<SampleAction>(
        "help",
        summary: "Show help for a command",
        arguments: [.words("COMMAND", optional: true)],
        action: .help)

    static let debug = Command<SampleAction>("debug", summary: "Internal diagnostics", hidden: true, action: .debug)

    static let parser = Parser(root: root)

    // Keys the tests read back with, declared once and used in the tree above.
    static let quiet: FlagOption = .flag("quiet", short: "q", help: "Print only IDs")
    static let yes: FlagOption = .flag("yes", short: "y", help: "Answer yes to confirmations")
    static let timeout: IntegerOption = .integer("timeout", in: 1...600, valueName: "secs",
                                                 help: "Seconds allowed per HTTP attempt", default: "30")
    static let label: ListOption = .list("label", valueName: "key=value", help: "Only servers with this label")
    static let name: ValueOption = .value("name", help: "Name of the new server")
    static let plan: ValueOption = .value("plan", .choice(["small", "medium", "large"]), help: "Size of the server")
    static let cpuShare: NumberOption = .number("cpu-share", help: "Share of a CPU")
    static let waitTimeout: IntegerOption = .duration("wait-timeout", help: "How long to wait", default: "5m")
    static let field: ListOption = .list("field", short: "f", valueName: "key=value", help: "Add a body field")
    static let method: OptionalWordArgument = .optionalWord("METHOD", help: "HTTP method", choices: ["GET", "POST", "DELETE"])
    static let path: WordArgument = .word("PATH", help: "Path below /api/v1/")
}
