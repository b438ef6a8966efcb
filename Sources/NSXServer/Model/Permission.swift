/// The permissions of the vendor's page, in its (canonical) order.
public enum Permission: String, CaseIterable, Sendable, Comparable {
    case serversRead = "servers:read"
    case serversWrite = "servers:write"
    case instancesRead = "instances:read"
    case instancesWrite = "instances:write"
    case instancesActions = "instances:actions"
    case backupsRead = "backups:read"
    case backupsWrite = "backups:write"
    case backupsRestore = "backups:restore"
    case settingsRead = "settings:read"
    case settingsWrite = "settings:write"

    private var rank: Int { Permission.allCases.firstIndex(of: self)! }

    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rank < rhs.rank }

    /// Comma-joined storage form, canonical order.
    static func encode(_ permissions: Set<Permission>) -> String {
        permissions.sorted().map(\.rawValue).joined(separator: ",")
    }

    static func decode(_ text: String) -> Set<Permission> {
        Set(text.split(separator: ",").compactMap { Permission(rawValue: String($0)) })
    }
}
