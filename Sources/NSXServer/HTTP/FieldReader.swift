import NSXJSON

/// Reads fields of a JSON body, collecting one `details` entry per bad field so a client
/// learns about every problem at once.
struct FieldReader {
    /// A body of 100,000 unknown keys gets a short answer, not a 5 MB one.
    static let maxIssues = 100

    let object: JSONObject
    private(set) var issues: [FieldIssue] = []
    /// Issues past `maxIssues`: counted, not listed.
    private(set) var unlistedIssues = 0

    init(_ object: JSONObject) {
        self.object = object
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    mutating func fail(_ field: String, _ message: String) {
        if issues.count < Self.maxIssues {
            issues.append(FieldIssue(field, message))
        } else {
            unlistedIssues += 1
        }
    }

    /// Flags every key outside `allowed`, and `readOnly` keys with a clearer message. Once
    /// the list is full the rest are counted without being visited.
    mutating func allowOnly(_ allowed: Set<String>, readOnly: Set<String> = []) {
        var unknown = object.count - allowed.count { object.contains(key: $0) }
        for (key, _) in object where !allowed.contains(key) {
            guard unknown > 0, issues.count < Self.maxIssues else { break }
            fail(key, readOnly.contains(key) ? "is read-only" : "is not a known field")
            unknown -= 1
        }
        unlistedIssues += unknown
    }

    /// A string field; `nil` when absent (and, if required, an issue).
    mutating func string(_ key: String, required: Bool = false, _ rule: StringRule) -> String? {
        guard let value = object[key] else {
            if required { fail(key, "is required") }
            return nil
        }
        guard case .string(let text) = value else {
            fail(key, "must be a string")
            return nil
        }
        if let problem = rule.problem(text) {
            fail(key, problem)
            return nil
        }
        return text
    }

    /// The body's issues, thrown as one VALIDATION_ERROR.
    func finish() throws(APIError) {
        if !issues.isEmpty { throw .validation(issues, unlisted: unlistedIssues) }
    }
}

/// The shape a string field must have.
struct StringRule: Sendable {
    let problem: @Sendable (String) -> String?

    /// 1–63 characters of `[a-z0-9-]`.
    static let resourceName = StringRule { text in
        let valid = (1...63).contains(text.utf8.count)
            && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        return valid ? nil : "must be 1-63 characters of a-z, 0-9 and -"
    }

    static func length(_ range: ClosedRange<Int>) -> StringRule {
        StringRule { text in
            range.contains(text.count) ? nil : "must be \(range.lowerBound)-\(range.upperBound) characters"
        }
    }

    static func oneOf(_ values: [String]) -> StringRule {
        StringRule { text in values.contains(text) ? nil : "must be one of: \(values.joined(separator: ", "))" }
    }

    static let any = StringRule { _ in nil }
}
