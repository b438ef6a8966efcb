import NSXJSON

/// An account holder. Settings live on the same row: one settings object per account,
/// shared by its live and test environments.
public struct User: Sendable, Equatable {
    public var id: String
    public var email: String
    public var name: String
    public var passwordHash: String
    public var createdAt: Int
    public var timezone: String
    public var defaultRegion: String
    public var notifyByEmail: Bool
    public var webhookURL: String?

    var summaryJSON: JSONValue {
        .object(["id": .string(id), "email": .string(email), "name": .string(name)])
    }

    var settingsJSON: JSONValue {
        .object([
            "account_id": .string(id),
            "name": .string(name),
            "email": .string(email),
            "timezone": .string(timezone),
            "default_region": .string(defaultRegion),
            "notifications": .object(["email": .bool(notifyByEmail), "webhook_url": .optional(webhookURL)]),
        ])
    }
}

/// A login session; the JWT names it by `sid` so logout can end it.
public struct Session: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var createdAt: Int
    public var expiresAt: Int
    public var revokedAt: Int?
}
