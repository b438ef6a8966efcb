import NSXJSON

/// Splits a `--fields` argument ("id, name,labels.env") into its field names,
/// dropping blanks and repeats but keeping the first-mentioned order.
public func parseFieldList(_ text: String) -> [String] {
    var seen = Set<String>()
    return text.split(separator: ",")
        .map { $0.trimmingASCIIWhitespace() }
        .filter { !$0.isEmpty && seen.insert($0).inserted }
}

/// Checks `--fields` against the keys a resource has. A field is valid when it is one of
/// `available` or a path below one (`labels.env` when `labels` is available).
public func validateFields(_ fields: [String], available: [String]) throws(OutputError) {
    guard !fields.isEmpty else { throw .noFields }
    let unknown = fields.filter { field in
        !available.contains { field == $0 || field.hasPrefix($0 + ".") }
    }
    if !unknown.isEmpty { throw .unknownFields(unknown, available: available) }
}

/// The columns to show: the requested fields (reusing a default column's header and
/// style where one matches) or, without `--fields`, the defaults.
func selectedColumns(_ defaults: [Column], fields: [String]?) -> [Column] {
    guard let fields else { return defaults }
    return fields.map { field in
        // Asked for by name, a column stays however narrow the terminal.
        var column = defaults.first { $0.key == field } ?? Column(field, style: inferredStyle(forKey: field))
        column.priority = nil
        return column
    }
}

/// An item cut down to `fields`, in that order; each path becomes one key ("labels.env"),
/// and a path the item lacks is null so every object has the same keys.
func projected(_ item: JSONValue, fields: [String]?) -> JSONValue {
    guard let fields, case .object = item else { return item }
    return .object(JSONObject(fields.map { ($0, item[$0] ?? .null) }))
}

/// A style guessed from a key's name, for fields that no default column describes.
func inferredStyle(forKey key: String) -> Column.Style {
    let last = key.split(separator: ".").last.map(String.init) ?? key
    if last == "id" { return .id }
    if last == "status" || last == "state" { return .status }
    if last.hasSuffix("_at") { return .time }
    if last.hasSuffix("_bytes") { return .bytes }
    return .plain
}

extension Substring {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
