/// What the audit needs to know of one API token: the API's token object as plain values.
/// Times are seconds since 1970 (UTC).
public struct AuditToken: Sendable, Equatable {
    public var id: String
    public var name: String
    public var prefix: String
    public var environment: TokenEnvironment
    public var permissions: [String]
    public var createdAt: Int64
    public var lastUsedAt: Int64?
    public var expiresAt: Int64?
    public var revokedAt: Int64?

    public init(id: String, name: String, prefix: String, environment: TokenEnvironment, permissions: [String],
                createdAt: Int64, lastUsedAt: Int64? = nil, expiresAt: Int64? = nil, revokedAt: Int64? = nil) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.environment = environment
        self.permissions = permissions
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}

/// The thresholds of an audit.
public struct AuditPolicy: Sendable, Equatable {
    public static let day: Int64 = 86_400

    /// A token used before but not for this long should go (`--unused-for`, default 30 days).
    public var unusedFor: Int64
    /// A token older than this should be replaced (`--max-age`, default 90 days).
    public var maxAge: Int64
    /// A token never used at all gets this long before it counts as forgotten.
    public var neverUsedGrace: Int64
    /// Every permission there is, in canonical order: a token holding all of them, or all
    /// that are not `:read`, is broader than any one job needs.
    public var knownPermissions: [String]

    public init(unusedFor: Int64 = 30 * day, maxAge: Int64 = 90 * day, neverUsedGrace: Int64 = day,
                knownPermissions: [String]) {
        self.unusedFor = unusedFor
        self.maxAge = maxAge
        self.neverUsedGrace = neverUsedGrace
        self.knownPermissions = knownPermissions
    }

    var writePermissions: [String] { knownPermissions.filter { !$0.hasSuffix(":read") } }
}
