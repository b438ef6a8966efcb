import NSXCommandLine

/// Options several commands take, declared once so they read the same everywhere.
enum SharedOptionSpecs {
    static let limit = Option.value("limit", .integer(1...1_000_000), valueName: "n", help: "Show at most N items (fetching more pages as needed)")
    static let all = Option.flag("all", help: "Fetch every page")
    static let wait = Option.flag("wait", help: "Wait until the action has finished, showing progress on a terminal")
    static let waitTimeout = Option.value("wait-timeout", .duration, valueName: "duration", help: "Give up waiting after this long (exit 9)", default: "5m")
    static let name = Option.value("name", .string, valueName: "name", help: "Only items with exactly this name")
}
