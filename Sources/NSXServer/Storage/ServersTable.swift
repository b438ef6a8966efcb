import Foundation
import GRDB
import NSXJSON

/// Servers of one account and environment.
struct ServersTable {
    let db: Database
    let scope: Scope

    func find(id: String) throws -> Server? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM servers WHERE id = ? AND user_id = ? AND environment = ?")
        return try Row.fetchOne(statement, arguments: [id, scope.userID, scope.environment.rawValue]).map(Self.decode)
    }

    func find(name: String) throws -> Server? {
        try Row.fetchOne(db, sql: "SELECT * FROM servers WHERE name = ? AND user_id = ? AND environment = ?",
                         arguments: [name, scope.userID, scope.environment.rawValue]).map(Self.decode)
    }

    func list(filters: [String: String], page: PageRequest) throws -> Page<Server> {
        var query = ListQuery(table: "servers")
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

    static func decode(_ row: Row) -> Server {
        Server(id: row["id"], scope: Scope(userID: row["user_id"], environment: APIEnvironment(rawValue: row["environment"]) ?? .live),
               name: row["name"], region: row["region"], plan: row["plan"], status: row["status"], ipv4: row["ipv4"],
               labels: Labels.decode(row["labels"]), createdAt: row["created_at"], updatedAt: row["updated_at"],
               nextStatus: row["next_status"], dueAt: row["due_at"])
    }
}
