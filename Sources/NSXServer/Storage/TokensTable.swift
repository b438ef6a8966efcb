import GRDB

/// API tokens. Lookups by secret go through the unique index on `secret_hash`.
struct TokensTable {
    let db: Database

    /// The columns `decode` reads, in its order (rows are read by position: `Columns`).
    static let columns = ColumnList(["id", "user_id", "name", "environment", "permissions", "secret_hash", "prefix",
                                     "created_at", "last_used_at", "expires_at", "revoked_at"])

    func find(secretHash: String) throws -> APIToken? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM tokens WHERE secret_hash = ?")
        return try statement.fetchFirst(arguments: [secretHash], decode: Self.decode)
    }

    func find(id: String, userID: String) throws -> APIToken? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM tokens WHERE id = ? AND user_id = ?")
        return try statement.fetchFirst(arguments: [id, userID], decode: Self.decode)
    }

    func list(userID: String, environment: APIEnvironment?, includeRevoked: Bool, name: String?, page: PageRequest) throws -> Page<APIToken> {
        var query = ListQuery(table: "tokens", columns: Self.columns)
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

    static func decode(_ row: Columns) -> APIToken {
        APIToken(id: row[0], userID: row[1], name: row[2],
                 environment: APIEnvironment(rawValue: row[3]) ?? .live,
                 permissions: Permission.decode(row[4]), secretHash: row[5], prefix: row[6],
                 createdAt: row[7], lastUsedAt: row[8], expiresAt: row[9], revokedAt: row[10])
    }
}
