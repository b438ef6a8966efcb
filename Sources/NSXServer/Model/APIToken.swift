import NSXJSON

/// A stored API token. Only the SHA-256 of its secret is kept.
public struct APIToken: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var name: String
    public var environment: APIEnvironment
    public var permissions: Set<Permission>
    public var secretHash: String
    public var prefix: String
    public var createdAt: Int
    public var lastUsedAt: Int?
    public var expiresAt: Int?
    public var revokedAt: Int?

    func isUsable(at now: Double) -> Bool {
        revokedAt == nil && (expiresAt.map { Double($0) > now } ?? true)
    }

    var json: JSONValue {
        .object([
            "id": .string(id),
            "name": .string(name),
            "prefix": .string(prefix),
            "environment": .string(environment.rawValue),
            "permissions": .array(permissions.sorted().map { .string($0.rawValue) }),
            "created_at": .time(createdAt),
            "last_used_at": .optionalTime(lastUsedAt),
            "expires_at": .optionalTime(expiresAt),
            "revoked_at": .optionalTime(revokedAt),
        ])
    }
}
