import Foundation

/// Which query parameters an endpoint takes and how each must look.
struct QuerySpec: Sendable {
    enum Rule: Sendable {
        case text
        case oneOf([String])
        case flag
    }

    var paginated = false
    var filters: [String: Rule] = [:]

    static let none = QuerySpec()

    static func list(_ filters: [String: Rule]) -> QuerySpec {
        QuerySpec(paginated: true, filters: filters)
    }

    /// Parses the raw query string; anything malformed, unknown or repeated is a 400.
    func parse(_ rawQuery: String?) throws(APIError) -> ParsedQuery {
        var values: [String: String] = [:]
        for item in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(pair[0]), let value = Self.decode(pair.count > 1 ? pair[1] : "") else {
                throw .badRequest("Query string is not valid percent-encoding")
            }
            guard key == "limit" || key == "cursor" ? paginated : filters[key] != nil else {
                throw .badRequest("Unknown query parameter: \(key)", details: [FieldIssue(key, "unknown query parameter")])
            }
            guard values[key] == nil else {
                throw .badRequest("Query parameter given more than once: \(key)", details: [FieldIssue(key, "given more than once")])
            }
            values[key] = value
        }
        var parsed = ParsedQuery()
        if paginated {
            var page = PageRequest(limit: PageRequest.defaultLimit, after: nil)
            if let text = values.removeValue(forKey: "limit") {
                guard let limit = Int(text), (1...100).contains(limit) else {
                    throw .badRequest("limit must be an integer from 1 to 100", details: [FieldIssue("limit", "must be an integer from 1 to 100")])
                }
                page.limit = limit
            }
            if let text = values.removeValue(forKey: "cursor") {
                guard let cursor = Cursor(encoded: text) else {
                    throw .badRequest("cursor is not a cursor this server issued", details: [FieldIssue("cursor", "malformed cursor")])
                }
                page.after = cursor
            }
            parsed.page = page
        }
        for (key, value) in values {
            switch filters[key] {
            case .oneOf(let allowed) where !allowed.contains(value):
                throw .badRequest("\(key) must be one of: \(allowed.joined(separator: ", "))",
                                  details: [FieldIssue(key, "must be one of: \(allowed.joined(separator: ", "))")])
            case .flag where value != "true" && value != "false":
                throw .badRequest("\(key) must be true or false", details: [FieldIssue(key, "must be true or false")])
            case .text where value.isEmpty:
                throw .badRequest("\(key) must not be empty", details: [FieldIssue(key, "must not be empty")])
            default:
                parsed.filters[key] = value
            }
        }
        return parsed
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

struct ParsedQuery: Sendable {
    var page: PageRequest?
    var filters: [String: String] = [:]

    /// The page of a paginated endpoint (the spec guarantees one).
    var pageRequest: PageRequest { page ?? PageRequest(limit: PageRequest.defaultLimit, after: nil) }
}
