import GRDB

/// Instances of one account and environment.
struct InstancesTable {
    let db: Database
    let scope: Scope

    func find(id: String) throws -> Instance? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM instances WHERE id = ? AND user_id = ? AND environment = ?")
        return try Row.fetchOne(statement, arguments: [id, scope.userID, scope.environment.rawValue]).map(Self.decode)
    }

    func find(name: String) throws -> Instance? {
        try Row.fetchOne(db, sql: "SELECT * FROM instances WHERE name = ? AND user_id = ? AND environment = ?",
                         arguments: [name, scope.userID, scope.environment.rawValue]).map(Self.decode)
    }

    func list(filters: [String: String], page: PageRequest) throws -> Page<Instance> {
        var query = ListQuery(table: "instances")
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

    static func decode(_ row: Row) -> Instance {
        Instance(id: row["id"], scope: Scope(userID: row["user_id"], environment: APIEnvironment(rawValue: row["environment"]) ?? .live),
                 name: row["name"], serverID: row["server_id"], image: row["image"], status: row["status"],
                 createdAt: row["created_at"], updatedAt: row["updated_at"], nextStatus: row["next_status"], dueAt: row["due_at"])
    }
}
