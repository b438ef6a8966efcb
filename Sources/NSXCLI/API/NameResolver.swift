import NSXJSON

/// Wherever an ID is taken, a unique name works too: a word with the kind's
/// ID prefix is an ID; anything else is looked up by the list's `name` filter.
public struct NameResolver {
    let client: APIClient

    public init(client: APIClient) { self.client = client }

    public func resolve(_ word: String, kind: ResourceKind) throws(CLIError) -> String {
        if word.hasPrefix(kind.idPrefix) { return word }
        var matches: [JSONValue] = []
        try client.forEachPage(kind.path, query: kind.filtersByName ? [("name", word)] : [], extent: .all) { (page: [JSONValue]) throws(CLIError) in
            matches += page.filter { $0["name"]?.stringValue == word }
        }
        switch matches.count {
        case 0: throw .nameNotFound(kind: kind.singular, name: word)
        case 1:
            guard let id = matches[0]["id"]?.stringValue else {
                throw .malformedResponse("a \(kind.singular) without an id", requestID: nil)
            }
            return id
        default:
            let candidates = matches.map { item in
                let id = item["id"]?.stringValue ?? "?"
                let created = item["created_at"]?.stringValue.map { " (created \($0))" } ?? ""
                return id + created
            }
            throw .ambiguousName(kind: kind.singular, name: word, candidates: candidates)
        }
    }
}
