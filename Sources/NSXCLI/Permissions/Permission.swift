import NSXCommandLine

/// The ten permissions of the API (docs/openapi.yaml), in its (canonical) order, and the ways people
/// write them on the command line.
public enum Permission {
    public static let all: [String] = [
        "servers:read", "servers:write",
        "instances:read", "instances:write", "instances:actions",
        "backups:read", "backups:write", "backups:restore",
        "settings:read", "settings:write",
    ]

    public static var readOnly: [String] { all.filter { $0.hasSuffix(":read") } }

    /// What each allows, in the vendor's words (/work/shared/seed/authentication.txt's table).
    static let meanings: [String: String] = [
        "servers:read": "View servers",
        "servers:write": "Create, update, delete servers",
        "instances:read": "View instances",
        "instances:write": "Create, update, delete instances",
        "instances:actions": "Start, stop, restart instances",
        "backups:read": "View backups",
        "backups:write": "Create, delete backups",
        "backups:restore": "Restore backups",
        "settings:read": "View account settings (and API tokens)",
        "settings:write": "Update account settings (and create or revoke API tokens)",
    ]

    /// `servers`, `instances`, … in canonical order.
    static let resources: [String] = all.map(Self.resource).reduce(into: []) { seen, r in if !seen.contains(r) { seen.append(r) } }
    /// `read`, `write`, `actions`, `restore` in canonical order.
    static let actions: [String] = all.map(Self.action).reduce(into: []) { seen, a in if !seen.contains(a) { seen.append(a) } }

    static func resource(_ permission: String) -> String { String(permission.prefix { $0 != ":" }) }
    static func action(_ permission: String) -> String { String(permission.drop { $0 != ":" }.dropFirst()) }

    /// Sorts into canonical order and drops duplicates (and anything unknown).
    public static func canonicalOrder(_ permissions: [String]) -> [String] {
        let wanted = Set(permissions)
        return all.filter(wanted.contains)
    }

    /// Expands every `--perm` value into one canonical, duplicate-free list.
    public static func expand(all words: [String]) throws(CLIError) -> [String] {
        var result: [String] = []
        for word in words { result += try expand(word) }
        return canonicalOrder(result)
    }

    /// Expands one `--perm` word: a permission, a comma (or space) separated list, wildcards
    /// (`servers:*`, `*:read`, `*`), or the compact form tables show (`servers:rw`,
    /// `instances:r+actions`). Case is ignored. An unknown word is a usage error naming the
    /// closest known permission.
    public static func expand(_ word: String) throws(CLIError) -> [String] {
        var result: [String] = []
        let items = word.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { $0.lowercased() }
        for item in items {
            let matches = matching(item)
            if matches.isEmpty { throw unknown(item) }
            result += matches
        }
        return result
    }

    /// The usage error for a word that names no permission, with the closest known one.
    static func unknown(_ item: String) -> CLIError {
        let known = "Known permissions: \(all.joined(separator: " ")) (wildcards: servers:*, *:read)."
        guard let suggestion = suggestion(for: item) else {
            return .usage("unknown permission \"\(item)\"", hint: known)
        }
        return .usage("unknown permission \"\(item)\"; did you mean \"\(suggestion)\"?", hint: known)
    }

    /// The known permission (or wildcard) closest to a mistyped one.
    static func suggestion(for item: String) -> String? {
        let wildcards = resources.map { "\($0):*" } + actions.map { "*:\($0)" }
        if let close = closestMatch(to: item, in: all + wildcards) { return close }
        // `server:reed`: fix each half on its own when the whole is too far off.
        let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return nil }
        let resource = parts[0] == "*" ? "*" : closestMatch(to: parts[0], in: resources)
        let action = parts[1] == "*" ? "*" : closestMatch(to: parts[1], in: actions)
        guard let resource, let action, resource != "*" || action != "*" else { return nil }
        let candidate = "\(resource):\(action)"
        return matching(candidate).isEmpty ? nil : candidate
    }

    /// The permissions one (lower-case) word stands for; empty when it names none.
    static func matching(_ pattern: String) -> [String] {
        if pattern == "*" || pattern == "*:*" { return all }
        let parts = pattern.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return [] }
        let resourceMatches = parts[0] == "*" ? resources : resources.filter { $0 == parts[0] }
        guard !resourceMatches.isEmpty else { return [] }
        if parts[1] == "*" { return all.filter { resourceMatches.contains(Self.resource($0)) } }
        // One action, or the compact form: `rw`, `r+actions`, `read+write`.
        var wanted: [String] = []
        for piece in parts[1].split(separator: "+", omittingEmptySubsequences: false) {
            switch piece {
            case "r": wanted.append("read")
            case "w": wanted.append("write")
            case "rw", "wr": wanted += ["read", "write"]
            case "": return []
            default: wanted.append(String(piece))
            }
        }
        var result: [String] = []
        for resource in resourceMatches {
            for action in wanted {
                let permission = "\(resource):\(action)"
                if all.contains(permission) {
                    result.append(permission)
                } else if parts[0] != "*" {
                    // `servers:actions`: a named resource must have every action asked for.
                    return []
                }
            }
        }
        return canonicalOrder(result)
    }

    /// `servers:rw instances:r+actions` — short enough for a table column. Reads back
    /// through `expand`.
    public static func compact(_ permissions: [String]) -> String {
        var groups: [(resource: String, actions: [String])] = []
        for permission in canonicalOrder(permissions) {
            let resource = Self.resource(permission)
            if let index = groups.firstIndex(where: { $0.resource == resource }) {
                groups[index].actions.append(Self.action(permission))
            } else {
                groups.append((resource, [Self.action(permission)]))
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
