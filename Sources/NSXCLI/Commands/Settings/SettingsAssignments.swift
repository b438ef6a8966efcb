import NSXCommandLine
import NSXJSON

/// The `key=value` words of `settings set`, as one JSON merge patch: dotted keys become
/// nested objects (`notifications.email=false` → `{"notifications": {"email": false}}`).
struct SettingsAssignments {
    enum Kind { case text, boolean, optionalURL }

    static let keys: [(key: String, kind: Kind)] = [
        ("name", .text), ("timezone", .text), ("default_region", .text),
        ("notifications.email", .boolean), ("notifications.webhook_url", .optionalURL),
    ]
    static let readOnly = ["email", "account_id"]

    private(set) var patch = JSONObject()

    init(_ words: [String]) throws(CLIError) {
        guard !words.isEmpty else { throw .usage("nothing to set", hint: "Give key=value, e.g. timezone=UTC.") }
        let known = Self.keys.map(\.key)
        for word in words {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw .usage("invalid setting \"\(word)\"", hint: "Use key=value, e.g. timezone=UTC. Keys: \(known.joined(separator: ", ")).")
            }
            let key = String(word[..<equals])
            let text = String(word[word.index(after: equals)...])
            if Self.readOnly.contains(key) {
                throw .usage("\(key) is read-only; settings set cannot change it", hint: "Keys you can set: \(known.joined(separator: ", ")).")
            }
            guard let kind = Self.keys.first(where: { $0.key == key })?.kind else {
                let suggestion = closestMatch(to: key, in: known).map { "Did you mean \"\($0)\"? " } ?? ""
                throw .usage("unknown setting \"\(key)\"", hint: "\(suggestion)Keys: \(known.joined(separator: ", ")).")
            }
            try set(key, Self.value(text, kind: kind, key: key))
        }
    }

    private static func value(_ text: String, kind: Kind, key: String) throws(CLIError) -> JSONValue {
        switch kind {
        case .text:
            return .string(text)
        case .boolean:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw .usage("\(key) takes true or false, not \"\(text)\"")
            }
        case .optionalURL:
            return text.isEmpty ? JSONValue.null : .string(text)
        }
    }

    private mutating func set(_ dottedKey: String, _ value: JSONValue) throws(CLIError) {
        patch = JSONPaths.setting(dottedKey.split(separator: ".").map(String.init), to: value, in: patch)
    }
}
