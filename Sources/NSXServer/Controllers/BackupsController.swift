import Foundation
import GRDB
import NSXTime

/// `/api/v1/backups`: `backups:read` / `backups:write` / `backups:restore`.
struct BackupsController {
    func register(on routes: inout RouteTable) {
        let listQuery = QuerySpec.list(["instance_id": .text, "status": .oneOf(Backup.statuses)])
        routes.get("/api/v1/backups", .credential(.backupsRead), query: listQuery) { call, db in
            let page = try BackupsTable(db: db, scope: call.scope).list(filters: call.query.filters, page: call.query.pageRequest)
            return .page(page, limit: call.query.pageRequest.limit) { $0.json }
        }
        routes.post("/api/v1/backups", .credential(.backupsWrite), create)
        routes.get("/api/v1/backups/:id", .credential(.backupsRead)) { call, db in
            Reply(.ok, try Self.require(call, db).json)
        }
        routes.delete("/api/v1/backups/:id", .credential(.backupsWrite)) { call, db in
            let backup = try Self.require(call, db)
            guard backup.status != "restoring" else { throw APIError.conflict("Backup is being restored") }
            try BackupsTable(db: db, scope: call.scope).delete(id: backup.id)
            return Reply(.ok, .object(["id": .string(backup.id), "deleted": .bool(true)]))
        }
        routes.post("/api/v1/backups/:id/restore", .credential(.backupsRestore), restore)
    }

    static func require(_ call: Call, _ db: Database) throws -> Backup {
        guard let backup = try BackupsTable(db: db, scope: call.scope).find(id: call.id) else {
            throw APIError.notFound("Backup not found: \(call.id)")
        }
        return backup
    }

    @Sendable private func create(_ call: Call, _ db: Database) throws -> Reply {
        var fields = call.fields
        fields.allowOnly(["instance_id", "name"])
        let instanceID = fields.string("instance_id", required: true, .length(1...100))
        let name = fields.string("name", .length(1...100)) ?? Self.defaultName(at: call.second)
        var instance: Instance?
        if let instanceID {
            instance = try InstancesTable(db: db, scope: call.scope).find(id: instanceID)
            if instance == nil { fields.fail("instance_id", "Instance not found: \(instanceID)") }
        }
        try fields.finish()
        guard let instance else { throw APIError.validation(fields.issues) }
        guard instance.status != "restoring" else { throw APIError.conflict("Instance is restoring; cannot back up") }

        let deadline = call.now + call.services.actionDelay
        let backup = Backup(id: Identifier.backup.make(), scope: call.scope, instanceID: instance.id, name: name,
                            status: "pending", sizeBytes: 0, finalSizeBytes: Int.random(in: 50_000_000...5_000_000_000),
                            createdAt: call.second, completedAt: nil, nextStatus: "completed", dueAt: deadline)
        try BackupsTable(db: db, scope: call.scope).save(backup)
        return Reply(.accepted, backup.json, effects: [.transitionScheduled(dueAt: deadline)])
    }

    /// The backup goes `restoring` → `completed`; the instance `restoring` → the status it had.
    @Sendable private func restore(_ call: Call, _ db: Database) throws -> Reply {
        var backup = try Self.require(call, db)
        var fields = call.fields
        fields.allowOnly(["instance_id"])
        let instanceID = fields.string("instance_id", .length(1...100)) ?? backup.instanceID
        let instances = InstancesTable(db: db, scope: call.scope)
        let instance = try instances.find(id: instanceID)
        if instance == nil {
            fields.fail("instance_id", fields.has("instance_id")
                ? "Instance not found: \(instanceID)"
                : "The backup's instance \(instanceID) no longer exists; name another instance_id")
        }
        try fields.finish()
        guard var instance else { throw APIError.validation(fields.issues) }
        guard backup.status == "completed" else {
            throw APIError.conflict("Backup is \(backup.status); only completed backups can be restored")
        }
        guard !instance.isInTransition else { throw APIError.conflict("Instance is \(instance.status); cannot restore") }

        let deadline = call.now + call.services.actionDelay
        backup.status = "restoring"
        backup.nextStatus = "completed"
        backup.dueAt = deadline
        instance.nextStatus = instance.status
        instance.status = "restoring"
        instance.dueAt = deadline
        instance.updatedAt = call.second
        try BackupsTable(db: db, scope: call.scope).save(backup)
        try instances.save(instance)
        return Reply(.accepted, backup.json, effects: [.transitionScheduled(dueAt: deadline)])
    }

    static func defaultName(at second: Int) -> String {
        // 2024-01-16T10:30:00Z → backup-20240116-103000
        let stamp = Timestamp(seconds: second).rfc3339.filter { $0.isNumber || $0 == "T" }.replacingOccurrences(of: "T", with: "-")
        return "backup-\(stamp)"
    }
}
