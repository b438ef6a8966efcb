/// Output requests that cannot be honoured; NSXCLI reports them as usage errors (exit 2).
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--fields` named keys the data does not have.
    case unknownFields([String], available: [String])
    /// `--fields` was given but names no field at all.
    case noFields

    public var description: String {
        switch self {
        case .unknownFields(let unknown, let available):
            let quoted = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            let noun = unknown.count == 1 ? "field" : "fields"
            return "unknown \(noun) \(quoted) for --fields; valid fields: \(available.joined(separator: ", "))"
        case .noFields:
            return "--fields needs at least one field name"
        }
    }
}
