import GRDB

/// Backups of one account and environment.
struct BackupsTable {
    let db: Database
    let scope: Scope

    /// The columns `decode` reads, in its order (rows are read by position: `Columns`).
    static let columns = ColumnList(["id", "user_id", "environment", "instance_id", "name", "status", "size_bytes",
                                     "final_size_bytes", "created_at", "completed_at", "next_status", "due_at"])

    func find(id: String) throws -> Backup? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM backups WHERE id = ? AND user_id = ? AND environment = ?")
        return try statement.fetchFirst(arguments: [id, scope.userID, scope.environment.rawValue], decode: Self.decode)
    }

    func find(name: String) throws -> Backup? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM backups WHERE name = ? AND user_id = ? AND environment = ?")
        return try statement.fetchFirst(arguments: [name, scope.userID, scope.environment.rawValue], decode: Self.decode)
    }

    func list(filters: [String: String], page: PageRequest) throws -> Page<Backup> {
        var query = ListQuery(table: "backups", columns: Self.columns)
        query.filter("user_id = ?", scope.userID)
        query.filter("environment = ?", scope.environment.rawValue)
        for column in ["instance_id", "status"] {
            if let value = filters[column] { query.filter("\(column) = ?", value) }
        }
        return try query.fetch(db, page: page, decode: Self.decode)
    }

    func save(_ backup: Backup) throws {
        try db.execute(
            sql: """
                INSERT INTO backups (id, user_id, environment, instance_id, name, status, size_bytes, final_size_bytes, created_at, completed_at, next_status, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET instance_id = excluded.instance_id, name = excluded.name, status = excluded.status, size_bytes = excluded.size_bytes, final_size_bytes = excluded.final_size_bytes, completed_at = excluded.completed_at, next_status = excluded.next_status, due_at = excluded.due_at
                """,
            arguments: [backup.id, scope.userID, scope.environment.rawValue, backup.instanceID, backup.name, backup.status,
                        backup.sizeBytes, backup.finalSizeBytes, backup.createdAt, backup.completedAt, backup.nextStatus, backup.dueAt])
    }

    func delete(id: String) throws {
        try db.execute(sql: "DELETE FROM backups WHERE id = ?", arguments: [id])
    }

    /// A backup still pending when its instance goes away can never complete.
    func failPending(instanceID: String) throws {
        try db.execute(
            sql: "UPDATE backups SET status = 'failed', next_status = NULL, due_at = NULL WHERE instance_id = ? AND status = 'pending'",
            arguments: [instanceID])
    }

    static func decode(_ row: Columns) -> Backup {
        Backup(id: row[0], scope: Scope(userID: row[1], environment: APIEnvironment(rawValue: row[2]) ?? .live),
               instanceID: row[3], name: row[4], status: row[5], sizeBytes: row[6],
               finalSizeBytes: row[7], createdAt: row[8], completedAt: row[9],
               nextStatus: row[10], dueAt: row[11])
    }
}
