/// The formats `-o/--output` accepts.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, ndjson, csv, yaml
}
