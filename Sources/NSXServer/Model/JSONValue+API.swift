import NSXJSON

// The two shapes API objects are built from most: integers and nullable strings.
extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// `.string(value)` or `.null`.
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
