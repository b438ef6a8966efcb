import GRDB

/// API tokens. Lookups by secret go through the unique index on `secret_hash`.
struct TokensTable {
    let db: Database

    func find(secretHash: String) throws -> APIToken? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM tokens WHERE secret_hash = ?")
        return try Row.fetchOne(statement, arguments: [secretHash]).map(Self.decode)
    }

    func find(id: String, userID: String) throws -> APIToken? {
        try Row.fetchOne(db, sql: "SELECT * FROM tokens WHERE id = ? AND user_id = ?", arguments: [id, userID]).map(Self.decode)
    }

    func list(userID: String, environment: APIEnvironment?, includeRevoked: Bool, name: String?, page: PageRequest) throws -> Page<APIToken> {
        var query = ListQuery(table: "tokens")
        query.filter("user_id = ?", userID)
        if let environment { query.filter("environment = ?", environment.rawValue) }
        if !includeRevoked { query.conditions.append("revoked_at IS NULL") }
        if let name { query.filter("name = ?", name) }
        return try query.fetch(db, page: page, decode: Self.decode)
    }

    func insert(_ token: APIToken) throws {
        try db.execute(
            sql: """
                INSERT INTO tokens (id, user_id, name, environment, permissions, secret_hash, prefix, created_at, last_used_at, expires_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [token.id, token.userID, token.name, token.environment.rawValue, Permission.encode(token.permissions),
                        token.secretHash, token.prefix, token.createdAt, token.lastUsedAt, token.expiresAt, token.revokedAt])
    }

    func revoke(id: String, at time: Int) throws {
        try db.execute(sql: "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [time, id])
    }

    func markUsed(id: String, at time: Int) throws {
        try db.execute(sql: "UPDATE tokens SET last_used_at = ? WHERE id = ?", arguments: [time, id])
    }

    static func decode(_ row: Row) -> APIToken {
        APIToken(id: row["id"], userID: row["user_id"], name: row["name"],
                 environment: APIEnvironment(rawValue: row["environment"]) ?? .live,
                 permissions: Permission.decode(row["permissions"]), secretHash: row["secret_hash"], prefix: row["prefix"],
                 createdAt: row["created_at"], lastUsedAt: row["last_used_at"], expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }
}
