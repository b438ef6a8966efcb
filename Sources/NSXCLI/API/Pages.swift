import NSXJSON

/// How much of a list to fetch: the first page, N items, or every page.
public enum ListExtent: Sendable, Equatable {
    case firstPage
    case limit(Int)
    case all
}

extension APIClient {
    /// Walks a list's cursors, handing each page to `consume` as it arrives so output can
    /// stream and memory stays flat. Returns whether the server had more than was fetched.
    @discardableResult
    public func forEachPage(_ path: String, query: [(String, String)] = [], extent: ListExtent,
                            _ consume: ([JSONValue]) throws(CLIError) -> Void) throws(CLIError) -> Bool {
        var remaining: Int? = nil
        var pageSize: Int? = nil
        switch extent {
        case .firstPage: break
        case .limit(let n):
            remaining = n
            pageSize = min(max(n, 1), 100)
        case .all: pageSize = 100
        }
        var cursor: String? = nil
        while true {
            var q = query
            if let pageSize { q.append(("limit", String(min(pageSize, remaining ?? pageSize)))) }
            if let cursor { q.append(("cursor", cursor)) }
            let response = try get(path, query: q)
            guard case .array(var items) = response.data else {
                throw .malformedResponse("a list answer without a data array", requestID: response.requestID)
            }
            var truncated = false
            if let left = remaining, items.count > left {
                items = Array(items.prefix(left))
                truncated = true
            }
            try consume(items)
            if let left = remaining { remaining = left - items.count }
            let hasMore = response.meta?["has_more"]?.boolValue ?? false
            let next = response.meta?["next_cursor"]?.stringValue
            switch extent {
            case .firstPage: return hasMore
            case .limit: if let left = remaining, left <= 0 { return hasMore || truncated }
            case .all: break
            }
            guard hasMore, let next, !next.isEmpty else { return false }
            cursor = next
        }
    }
}
