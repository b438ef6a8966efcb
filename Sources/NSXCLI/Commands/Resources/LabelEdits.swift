import NSXJSON

/// `--label k=v` (repeatable) and `--remove-label k`: the `labels` member of a create body
/// or of a JSON merge patch (RFC 7396: `null` removes a key).
struct LabelEdits: Equatable {
    var assigned: [(key: String, value: String)] = []
    var remove: [String] = []

    static func == (lhs: LabelEdits, rhs: LabelEdits) -> Bool {
        lhs.assigned.map(\.key) == rhs.assigned.map(\.key) && lhs.assigned.map(\.value) == rhs.assigned.map(\.value) && lhs.remove == rhs.remove
    }

    init(labels: [String], removing: [String] = []) throws(CLIError) {
        for word in labels {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw .usage("invalid label \"\(word)\"", hint: "Use --label key=value, e.g. --label env=prod.")
            }
            let key = String(word[..<equals])
            let value = String(word[word.index(after: equals)...])
            assigned.removeAll { $0.key == key }
            assigned.append((key, value))
        }
        for key in removing {
            guard !key.isEmpty, !key.contains("=") else {
                throw .usage("invalid label key \"\(key)\" for --remove-label", hint: "Give the key alone, e.g. --remove-label env.")
            }
            if assigned.contains(where: { $0.key == key }) {
                throw .usage("label \"\(key)\" is both set with --label and removed with --remove-label")
            }
            if !remove.contains(key) { remove.append(key) }
        }
    }

    var isEmpty: Bool { assigned.isEmpty && remove.isEmpty }

    /// `{"k": "v", "gone": null}`.
    var patch: JSONValue {
        var object = JSONObject()
        for (key, value) in assigned { object[key] = .string(value) }
        for key in remove { object[key] = JSONValue.null }
        return .object(object)
    }
}
