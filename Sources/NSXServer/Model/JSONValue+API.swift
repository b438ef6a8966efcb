import NSXJSON
import NSXTime

// The shapes API objects are built from most: integers, nullable strings and times.
extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// `.string(value)` or `.null`.
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// A time as the API writes every time: RFC 3339 in UTC with whole seconds (NSXTime).
    static func time(_ epochSeconds: Int) -> JSONValue { .string(Timestamp(seconds: epochSeconds).rfc3339) }

    /// `.time(epochSeconds)` or `.null`.
    static func optionalTime(_ epochSeconds: Int?) -> JSONValue { epochSeconds.map(time) ?? .null }
}
