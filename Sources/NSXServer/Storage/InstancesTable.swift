import GRDB

/// Instances of one account and environment.
struct InstancesTable {
    let db: Database
    let scope: Scope

    /// The columns `decode` reads, in its order (rows are read by position: `Columns`).
    static let columns = ColumnList(["id", "user_id", "environment", "name", "server_id", "image", "status",
                                     "created_at", "updated_at", "next_status", "due_at"])

    func find(id: String) throws -> Instance? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM instances WHERE id = ? AND user_id = ? AND environment = ?")
        return try statement.fetchFirst(arguments: [id, scope.userID, scope.environment.rawValue], decode: Self.decode)
    }

    func find(name: String) throws -> Instance? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM instances WHERE name = ? AND user_id = ? AND environment = ?")
        return try statement.fetchFirst(arguments: [name, scope.userID, scope.environment.rawValue], decode: Self.decode)
    }

    func list(filters: [String: String], page: PageRequest) throws -> Page<Instance> {
        var query = ListQuery(table: "instances", columns: Self.columns)
        query.filter("user_id = ?", scope.userID)
        query.filter("environment = ?", scope.environment.rawValue)
        for column in ["name", "server_id", "status"] {
            if let value = filters[column] { query.filter("\(column) = ?", value) }
        }
        return try query.fetch(db, page: page, decode: Self.decode)
    }

    func save(_ instance: Instance) throws {
        try db.execute(
            sql: """
                INSERT INTO instances (id, user_id, environment, name, server_id, image, status, created_at, updated_at, next_status, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, server_id = excluded.server_id, image = excluded.image, status = excluded.status, updated_at = excluded.updated_at, next_status = excluded.next_status, due_at = excluded.due_at
                """,
            arguments: [instance.id, scope.userID, scope.environment.rawValue, instance.name, instance.serverID, instance.image,
                        instance.status, instance.createdAt, instance.updatedAt, instance.nextStatus, instance.dueAt])
    }

    func delete(id: String) throws {
        try db.execute(sql: "DELETE FROM instances WHERE id = ?", arguments: [id])
    }

    static func decode(_ row: Columns) -> Instance {
        Instance(id: row[0], scope: Scope(userID: row[1], environment: APIEnvironment(rawValue: row[2]) ?? .live),
                 name: row[3], serverID: row[4], image: row[5], status: row[6],
                 createdAt: row[7], updatedAt: row[8], nextStatus: row[9], dueAt: row[10])
    }
}
