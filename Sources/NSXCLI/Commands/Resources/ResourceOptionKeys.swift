import NSXCommandLine

// Options several resource verbs take, declared once so they read the same everywhere.

extension OptionKey where Self == FlagOption {
    static var allPages: Self { .flag("all", help: "Fetch every page") }
    static var wait: Self { .flag("wait", help: "Wait until the action has finished, showing progress on a terminal") }
}

extension OptionKey where Self == IntegerOption {
    static var limit: Self { .integer("limit", in: 1...1_000_000, valueName: "n", help: "Show at most N items (fetching more pages as needed)") }
    static var waitTimeout: Self { .duration("wait-timeout", valueName: "duration", help: "Give up waiting after this long (exit 9)", default: "5m") }
}

extension OptionKey where Self == ValueOption {
    /// A list filter: `servers list --name web-1`.
    static var nameFilter: Self { .value("name", .string, valueName: "name", help: "Only items with exactly this name") }
    /// The name of a resource being created: `servers create --name web-1`.
    static var name: Self { ValueOption.value("name", .string, valueName: "name", help: "1–63 of a-z, 0-9 and -, unique").required }
    /// A new name: `servers update web-1 --name web-2`.
    static var rename: Self { .value("name", .string, valueName: "name", help: "New name") }
}
