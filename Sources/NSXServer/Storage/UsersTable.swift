import GRDB

/// Accounts, their settings, and their login sessions.
struct UsersTable {
    let db: Database

    func find(id: String) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map(Self.decode)
    }

    func find(email: String) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM users WHERE email = ?", arguments: [email]).map(Self.decode)
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
        try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]).map { row in
            Session(id: row["id"], userID: row["user_id"], createdAt: row["created_at"],
                    expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
        }
    }

    func revokeSession(id: String, at time: Int) throws {
        try db.execute(sql: "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [time, id])
    }

    static func decode(_ row: Row) -> User {
        User(id: row["id"], email: row["email"], name: row["name"], passwordHash: row["password_hash"],
             createdAt: row["created_at"], timezone: row["timezone"], defaultRegion: row["default_region"],
             notifyByEmail: row["notify_email"], webhookURL: row["webhook_url"])
    }
}
