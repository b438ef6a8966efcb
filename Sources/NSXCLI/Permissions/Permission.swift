import NSXCommandLine

/// The ten permissions of the seed page, in its (canonical) order.
public enum Permission {
    public static let all: [String] = [
        "servers:read", "servers:write",
        "instances:read", "instances:write", "instances:actions",
        "backups:read", "backups:write", "backups:restore",
        "settings:read", "settings:write",
    ]

    public static var readOnly: [String] { all.filter { $0.hasSuffix(":read") } }

    /// Sorts into canonical order and drops duplicates.
    public static func canonicalOrder(_ permissions: [String]) -> [String] {
        let wanted = Set(permissions)
        return all.filter(wanted.contains)
    }

    /// Expands one `--perm` word: a permission, a comma list, or wildcards (`servers:*`, `*:read`, `*`).
    /// Unknown words are a usage error naming the closest known permission.
    public static func expand(_ word: String) throws(CLIError) -> [String] {
        var result: [String] = []
        for raw in word.split(separator: ",", omittingEmptySubsequences: true) {
            let item = raw.trimmingWhitespace()
            if item.isEmpty { continue }
            let matches = matching(item)
            if matches.isEmpty {
                let resources = Set(all.map { $0.prefix(while: { $0 != ":" }) }).map { "\($0):*" }
                let actions = Set(all.map { $0.drop(while: { $0 != ":" }).dropFirst() }).map { "*:\($0)" }
                let suggestion = closestMatch(to: item, in: all + resources + actions)
                throw .usage("unknown permission \"\(item)\"",
                             hint: suggestion.map { "Did you mean \"\($0)\"? Known permissions: \(all.joined(separator: " "))" }
                                ?? "Known permissions: \(all.joined(separator: " "))")
            }
            result += matches
        }
        return result
    }

    static func matching(_ pattern: String) -> [String] {
        if pattern == "*" || pattern == "*:*" { return all }
        let parts = pattern.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        return all.filter { permission in
            let p = permission.split(separator: ":", maxSplits: 1).map(String.init)
            return (parts[0] == "*" || parts[0] == p[0]) && (parts[1] == "*" || parts[1] == p[1])
        }
    }

    /// `servers:rw instances:r+actions` — short enough for a table column.
    public static func compact(_ permissions: [String]) -> String {
        var groups: [(resource: String, actions: [String])] = []
        for permission in canonicalOrder(permissions) {
            let parts = permission.split(separator: ":", maxSplits: 1).map(String.init)
            if let index = groups.firstIndex(where: { $0.resource == parts[0] }) {
                groups[index].actions.append(parts[1])
            } else {
                groups.append((parts[0], [parts[1]]))
            }
        }
        return groups.map { group in
            var letters = ""
            var extras: [String] = []
            for action in group.actions {
                switch action {
                case "read": letters += "r"
                case "write": letters += "w"
                default: extras.append(action)
                }
            }
            let tail = ([letters].filter { !$0.isEmpty } + extras).joined(separator: "+")
            return "\(group.resource):\(tail)"
        }.joined(separator: " ")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
