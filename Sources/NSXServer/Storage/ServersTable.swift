import Foundation
import GRDB
import NSXJSON

/// Servers of one account and environment.
struct ServersTable {
    let db: Database
    let scope: Scope

    /// The columns `decode` reads, in its order (rows are read by position: `Columns`).
    static let columns = ColumnList(["id", "user_id", "environment", "name", "region", "plan", "status", "ipv4", "labels",
                                     "created_at", "updated_at", "next_status", "due_at"])

    func find(id: String) throws -> Server? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM servers WHERE id = ? AND user_id = ? AND environment = ?")
        return try statement.fetchFirst(arguments: [id, scope.userID, scope.environment.rawValue], decode: Self.decode)
    }

    func find(name: String) throws -> Server? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.columns.sql) FROM servers WHERE name = ? AND user_id = ? AND environment = ?")
        return try statement.fetchFirst(arguments: [name, scope.userID, scope.environment.rawValue], decode: Self.decode)
    }

    func list(filters: [String: String], page: PageRequest) throws -> Page<Server> {
        var query = ListQuery(table: "servers", columns: Self.columns)
        query.filter("user_id = ?", scope.userID)
        query.filter("environment = ?", scope.environment.rawValue)
        for column in ["name", "region", "status"] {
            if let value = filters[column] { query.filter("\(column) = ?", value) }
        }
        return try query.fetch(db, page: page, decode: Self.decode)
    }

    func save(_ server: Server) throws {
        try db.execute(
            sql: """
                INSERT INTO servers (id, user_id, environment, name, region, plan, status, ipv4, labels, created_at, updated_at, next_status, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, region = excluded.region, plan = excluded.plan, status = excluded.status, ipv4 = excluded.ipv4, labels = excluded.labels, updated_at = excluded.updated_at, next_status = excluded.next_status, due_at = excluded.due_at
                """,
            arguments: [server.id, scope.userID, scope.environment.rawValue, server.name, server.region, server.plan, server.status,
                        server.ipv4, Labels.json(server.labels).serialized(), server.createdAt, server.updatedAt, server.nextStatus, server.dueAt])
    }

    func delete(id: String) throws {
        try db.execute(sql: "DELETE FROM servers WHERE id = ?", arguments: [id])
    }

    func instanceCount(serverID: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM instances WHERE server_id = ?", arguments: [serverID]) ?? 0
    }

    /// A row of `columns`, read by position.
    static func decode(_ row: Columns) -> Server {
        Server(id: row[0], scope: Scope(userID: row[1], environment: APIEnvironment(rawValue: row[2]) ?? .live),
               name: row[3], region: row[4], plan: row[5], status: row[6], ipv4: row[7],
               labels: Labels.decode(row[8]), createdAt: row[9], updatedAt: row[10],
               nextStatus: row[11], dueAt: row[12])
    }
}
