import GRDB

/// Accounts, their settings, and their login sessions.
struct UsersTable {
    let db: Database

    /// The columns `decode` reads, in its order (rows are read by position: `Columns`).
    static let columns = ColumnList(["id", "email", "name", "password_hash", "created_at", "timezone", "default_region",
                                     "notify_email", "webhook_url"])

    func find(id: String) throws -> User? {
        try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM users WHERE id = ?").fetchFirst(arguments: [id], decode: Self.decode)
    }

    func find(email: String) throws -> User? {
        try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM users WHERE email = ?").fetchFirst(arguments: [email], decode: Self.decode)
    }

    func insert(_ user: User) throws {
        try db.execute(
            sql: """
                INSERT INTO users (id, email, name, password_hash, created_at, timezone, default_region, notify_email, webhook_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [user.id, user.email, user.name, user.passwordHash, user.createdAt,
                        user.timezone, user.defaultRegion, user.notifyByEmail, user.webhookURL])
    }

    func update(_ user: User) throws {
        try db.execute(
            sql: """
                UPDATE users SET name = ?, password_hash = ?, timezone = ?, default_region = ?, notify_email = ?, webhook_url = ?
                WHERE id = ?
                """,
            arguments: [user.name, user.passwordHash, user.timezone, user.defaultRegion, user.notifyByEmail, user.webhookURL, user.id])
    }

    func insertSession(_ session: Session) throws {
        try db.execute(
            sql: "INSERT INTO sessions (id, user_id, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [session.id, session.userID, session.createdAt, session.expiresAt, session.revokedAt])
    }

    func findSession(id: String) throws -> Session? {
        let statement = try db.cachedStatement(sql: "SELECT id, user_id, created_at, expires_at, revoked_at FROM sessions WHERE id = ?")
        return try statement.fetchFirst(arguments: [id]) { row in
            Session(id: row[0], userID: row[1], createdAt: row[2], expiresAt: row[3], revokedAt: row[4])
        }
    }

    func revokeSession(id: String, at time: Int) throws {
        try db.execute(sql: "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [time, id])
    }

    static func decode(_ row: Columns) -> User {
        User(id: row[0], email: row[1], name: row[2], passwordHash: row[3],
             createdAt: row[4], timezone: row[5], defaultRegion: row[6],
             notifyByEmail: row[7], webhookURL: row[8])
    }
}
