import NSXCommandLine

/// One list filter: an option copied into a query parameter, an option naming another
/// resource (by ID or name) whose ID becomes the parameter (`--server web-1` → `server_id`),
/// or a flag that sets a parameter to `true`.
enum ListFilter: Sendable {
    case exact(ValueOption, param: String)
    case reference(ValueOption, param: String, kind: ResourceKind)
    /// Widens the list rather than narrowing it (`--include-revoked`).
    case flag(FlagOption, param: String)

    /// The option and the query parameter share a name: `--region` → `region`.
    static func exact(_ key: ValueOption) -> ListFilter { .exact(key, param: key.option.long) }

    var key: any OptionKey {
        switch self {
        case .exact(let key, _), .reference(let key, _, _): key
        case .flag(let key, _): key
        }
    }

    /// The value given on the command line, if any; an empty value is a usage error.
    func given(in parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> String? {
        switch self {
        case .exact(let key, _), .reference(let key, _, _):
            guard let value = parsed[key] else { return nil }
            guard !value.isEmpty else { throw .usage("--\(key.option.long) needs a value") }
            return value
        case .flag(let key, _):
            return parsed[key] ? "true" : nil
        }
    }

    /// Whether giving it leaves out items the plain list would show.
    var narrows: Bool {
        if case .flag = self { return false }
        return true
    }
}
