/// How much a finding matters. High: a token that should not exist or can do anything;
/// medium: one that can change everything, or has lived too long; low: one that never ends.
public enum AuditSeverity: Int, Sendable, Comparable, CaseIterable {
    case low = 1, medium = 2, high = 3

    public var name: String {
        switch self {
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        }
    }

    public static func < (a: AuditSeverity, b: AuditSeverity) -> Bool { a.rawValue < b.rawValue }
}

/// The rules of `nsx tokens audit`, in the order findings of one severity are listed.
public enum AuditRule: String, Sendable, CaseIterable {
    /// Never used, and older than a day.
    case neverUsed = "never-used"
    /// Used once, but not for longer than `--unused-for`.
    case unused
    /// Holds every permission.
    case allPermissions = "all-permissions"
    /// Holds every permission that changes something.
    case allWritePermissions = "all-write-permissions"
    /// Older than `--max-age`.
    case maxAge = "max-age"
    /// Never expires.
    case noExpiry = "no-expiry"

    public var severity: AuditSeverity {
        switch self {
        case .neverUsed, .unused, .allPermissions: .high
        case .allWritePermissions, .maxAge: .medium
        case .noExpiry: .low
        }
    }
}

/// One rule a token breaks, and the command that fixes it.
public struct AuditFinding: Sendable, Equatable {
    public var token: AuditToken
    public var rule: AuditRule
    public var severity: AuditSeverity { rule.severity }
    /// What is wrong, for people: "never used since it was created 5 days ago".
    public var message: String
    /// A command line that fixes it, ready to paste.
    public var fix: String
    /// The stored profiles whose credential this token is: fixing it changes them.
    public var profiles: [String]

    public init(token: AuditToken, rule: AuditRule, message: String, fix: String, profiles: [String]) {
        self.token = token
        self.rule = rule
        self.message = message
        self.fix = fix
        self.profiles = profiles
    }
}
