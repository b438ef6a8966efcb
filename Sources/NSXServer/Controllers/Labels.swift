import NSXJSON

/// Server labels: up to 64 pairs; keys 1–63 of `[A-Za-z0-9._/-]`, values up to 255 characters.
enum Labels {
    static let maxCount = 64

    /// The labels as a JSON object, keys sorted: how the API shows them and how they are stored.
    static func json(_ labels: [String: String]) -> JSONValue {
        .object(JSONObject(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }

    /// The labels of a stored JSON object; anything else reads as none.
    static func decode(_ text: String) -> [String: String] {
        guard text != "{}", case .object(let object)? = try? JSONValue.parse(text) else { return [:] }
        var labels: [String: String] = [:]
        for (key, value) in object { labels[key] = value.stringValue }
        return labels
    }

    /// Applies the `labels` member of a body to `labels` as a JSON merge patch
    /// (`null` clears all labels, a `null` value removes one key).
    static func merge(_ fields: inout FieldReader, into labels: inout [String: String]) {
        guard let value = fields.object["labels"] else { return }
        switch value {
        case .null:
            labels = [:]
        case .object(let patch):
            for (key, item) in patch {
                let field = "labels.\(key)"
                guard isValidKey(key) else {
                    fields.fail(field, "label keys must be 1-63 characters of A-Z, a-z, 0-9, '.', '_', '/' and '-'")
                    continue
                }
                switch item {
                case .null: labels[key] = nil
                case .string(let text) where text.count <= 255: labels[key] = text
                case .string: fields.fail(field, "must be at most 255 characters")
                default: fields.fail(field, "must be a string or null")
                }
            }
            if labels.count > maxCount { fields.fail("labels", "must have at most \(maxCount) entries") }
        default:
            fields.fail("labels", "must be an object of string values")
        }
    }

    private static func isValidKey(_ key: String) -> Bool {
        (1...63).contains(key.utf8.count) && key.utf8.allSatisfy { byte in
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                || byte == 46 || byte == 95 || byte == 47 || byte == 45
        }
    }
}
