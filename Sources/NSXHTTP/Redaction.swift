import NSXJSON

/// What the `-v` trace hides: credentials in headers and secret fields in JSON bodies.
enum Redaction {
    static let marker = "[REDACTED]"

    /// Authorization keeps its scheme ("Bearer [REDACTED]") so the trace still shows what kind
    /// of credential went out; other secret-bearing headers lose their whole value.
    static func headerValue(name: String, value: String) -> String {
        let lowered = name.lowercased()
        if lowered == "authorization" || lowered == "proxy-authorization" {
            guard let space = value.firstIndex(of: " ") else { return marker }
            return "\(value[..<space]) \(marker)"
        }
        return isSecretHeader(lowered) ? marker : value
    }

    private static func isSecretHeader(_ lowered: String) -> Bool {
        if lowered == "idempotency-key" { return false }
        if lowered == "cookie" || lowered == "set-cookie" { return true }
        return ["token", "secret", "key", "password"].contains { lowered.contains($0) }
    }

    /// "token", "password", "secret" and their `*_token`-style relatives (`refresh_token`,
    /// `new_password`, `client_secret`), plus `api_key`.
    static func isSecretField(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["token", "password", "secret", "api_key"].contains(lowered)
            || ["_token", "_password", "_secret"].contains { lowered.hasSuffix($0) }
    }

    /// Secret fields holding a value are replaced; objects and arrays under such a name
    /// (the API's token *object*) are searched instead, as they describe rather than hold it.
    static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements):
            return .array(elements.map(redacted))
        case .object(let object):
            return .object(JSONObject(object.map { key, value in
                switch value {
                case .object, .array: (key, redacted(value))
                case .null: (key, value)
                default: (key, isSecretField(key) ? .string(marker) : value)
                }
            }))
        default:
            return value
        }
    }

    /// A body as the trace shows it: redacted compact JSON cut at `limit` characters, or
    /// only its size when it is not JSON (it could be anything). Nil when empty.
    static func body(_ bytes: [UInt8], limit: Int) -> String? {
        guard !bytes.isEmpty else { return nil }
        guard let value = try? JSONValue.parse(bytes) else { return "[\(bytes.count) bytes]" }
        let text = redacted(value).serialized(terminalSafe: true)
        guard text.count > limit else { return text }
        return "\(text.prefix(limit))… [\(bytes.count) bytes in all]"
    }
}
