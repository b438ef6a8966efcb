import NSXJSON
import NSXOutput

extension ResourceView {
    /// API tokens: the keys of the token object (docs/openapi.yaml), plus `token`, which only
    /// a newly created token carries.
    static let token = ResourceView(
        kind: .token,
        keys: [
            Column("id", header: "ID", style: .id),
            Column("name", header: "NAME"),
            Column("prefix", header: "PREFIX"),
            Column("environment", header: "ENV"),
            Column("permissions", header: "PERMISSIONS", style: .list),
            .created(),
            Column("last_used_at", header: "LAST USED", style: .time),
            Column("expires_at", header: "EXPIRES", style: .time),
            Column("revoked_at", header: "REVOKED", style: .time),
            Column("token", header: "TOKEN"),
        ],
        table: ["id", "name", "prefix", "environment", "permissions", "last_used_at", "expires_at", "created_at"],
        givesWay: ["created_at", "last_used_at", "prefix", "expires_at", "environment", "permissions"])
}

/// How tokens read in tables: permissions compact (`servers:rw instances:r+actions`),
/// "never" for a token never used or never expiring, and the token in use marked.
enum TokenTable {
    /// The marker column's key; only ever in table output on a terminal.
    static let inUseKey = "in_use"
    static let inUseColumn = Column(inUseKey, header: "", style: .plain)

    /// The list's columns: `REVOKED` joins them when revoked tokens are included, and the
    /// marker leads when the token in use is known.
    static func columns(includeRevoked: Bool, marking: Bool) -> [Column] {
        var columns = ResourceView.token.columns
        if includeRevoked, let revoked = ResourceView.token.detailColumns.first(where: { $0.key == "revoked_at" }) {
            columns.append(revoked)
        }
        return marking ? [inUseColumn] + columns : columns
    }

    /// One token for a person (`tokens show`): "never" instead of an empty expiry or last use.
    static func detail(_ token: JSONValue) -> JSONValue {
        guard case .object(var object) = token else { return token }
        for key in ["last_used_at", "expires_at"] where object[key] == .null {
            object[key] = .string("never")
        }
        return .object(object)
    }

    /// The row a person sees; JSON, YAML and CSV get the API's object untouched.
    static func row(_ token: JSONValue, inUse: String?) -> JSONValue {
        guard case .object(var object) = token else { return token }
        if let permissions = object["permissions"]?.arrayValue {
            object["permissions"] = .string(Permission.compact(permissions.compactMap(\.stringValue)))
        }
        for key in ["last_used_at", "expires_at"] where object[key] == nil || object[key] == .null {
            object[key] = .string("never")
        }
        if let inUse {
            object[inUseKey] = .string(object["id"]?.stringValue == inUse ? "*" : " ")
        }
        return .object(object)
    }
}
