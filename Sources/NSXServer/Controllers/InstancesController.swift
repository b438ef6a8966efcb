import GRDB

/// `/api/v1/instances`: `instances:read` / `instances:write` / `instances:actions`.
struct InstancesController {
    /// A power action: the status it starts from, the transition it runs, and where it ends.
    struct Action: Sendable {
        let name: String
        let from: String
        let during: String
        let to: String

        static let start = Action(name: "start", from: "stopped", during: "starting", to: "running")
        static let stop = Action(name: "stop", from: "running", during: "stopping", to: "stopped")
        static let restart = Action(name: "restart", from: "running", during: "restarting", to: "running")

        /// The 409 message for `status`, nil when the action may run.
        func conflict(with status: String) -> String? {
            if status == from { return nil }
            if status == to, to != from { return "Instance is already \(status)" }
            return "Instance is \(status); cannot \(name)"
        }
    }

    func register(on routes: inout RouteTable) {
        let listQuery = QuerySpec.list(["name": .text, "server_id": .text, "status": .oneOf(Instance.statuses)])
        routes.get("/api/v1/instances", .credential(.instancesRead), query: listQuery) { call, db in
            let page = try InstancesTable(db: db, scope: call.scope).list(filters: call.query.filters, page: call.query.pageRequest)
            return .page(page, limit: call.query.pageRequest.limit) { $0.json }
        }
        routes.post("/api/v1/instances", .credential(.instancesWrite), create)
        routes.get("/api/v1/instances/:id", .credential(.instancesRead)) { call, db in
            Reply(.ok, try Self.require(call, db).json)
        }
        routes.patch("/api/v1/instances/:id", .credential(.instancesWrite), update)
        routes.delete("/api/v1/instances/:id", .credential(.instancesWrite)) { call, db in
            let instance = try Self.require(call, db)
            guard instance.status == "stopped" else { throw APIError.conflict("Instance is \(instance.status); stop it first") }
            try BackupsTable(db: db, scope: call.scope).failPending(instanceID: instance.id)
            try InstancesTable(db: db, scope: call.scope).delete(id: instance.id)
            return Reply(.ok, .object(["id": .string(instance.id), "deleted": .bool(true)]))
        }
        for action in [Action.start, .stop, .restart] {
            routes.post("/api/v1/instances/:id/\(action.name)", .credential(.instancesActions)) { call, db in
                try Self.perform(action, call, db)
            }
        }
    }

    static func require(_ call: Call, _ db: Database) throws -> Instance {
        guard let instance = try InstancesTable(db: db, scope: call.scope).find(id: call.id) else {
            throw APIError.notFound("Instance not found: \(call.id)")
        }
        return instance
    }

    private static func perform(_ action: Action, _ call: Call, _ db: Database) throws -> Reply {
        var instance = try require(call, db)
        var fields = call.fields
        fields.allowOnly([])
        try fields.finish()
        if let message = action.conflict(with: instance.status) { throw APIError.conflict(message) }
        let deadline = call.now + call.services.actionDelay
        instance.status = action.during
        instance.nextStatus = action.to
        instance.dueAt = deadline
        instance.updatedAt = call.second
        try InstancesTable(db: db, scope: call.scope).save(instance)
        return Reply(.accepted, instance.json, effects: [.transitionScheduled(dueAt: deadline)])
    }

    @Sendable private func create(_ call: Call, _ db: Database) throws -> Reply {
        let table = InstancesTable(db: db, scope: call.scope)
        var fields = call.fields
        fields.allowOnly(["name", "server_id", "image"])
        let name = fields.string("name", required: true, .resourceName)
        let serverID = fields.string("server_id", required: true, .length(1...100))
        let image = fields.string("image", required: true, .length(1...100))
        if let serverID, try ServersTable(db: db, scope: call.scope).find(id: serverID) == nil {
            fields.fail("server_id", "Server not found: \(serverID)")
        }
        if let name, try table.find(name: name) != nil {
            fields.fail("name", "is already used by another instance in this environment")
        }
        try fields.finish()
        guard let name, let serverID, let image else { throw APIError.validation(fields.issues) }

        let instance = Instance(id: Identifier.instance.make(), scope: call.scope, name: name, serverID: serverID, image: image,
                                status: "stopped", createdAt: call.second, updatedAt: call.second, nextStatus: nil, dueAt: nil)
        try table.save(instance)
        return Reply(.created, instance.json)
    }

    @Sendable private func update(_ call: Call, _ db: Database) throws -> Reply {
        var instance = try Self.require(call, db)
        let table = InstancesTable(db: db, scope: call.scope)
        var fields = call.fields
        fields.allowOnly(["name"])
        if let name = fields.string("name", .resourceName) {
            if name != instance.name, try table.find(name: name) != nil {
                fields.fail("name", "is already used by another instance in this environment")
            }
            instance.name = name
        }
        try fields.finish()
        instance.updatedAt = call.second
        try table.save(instance)
        return Reply(.ok, instance.json)
    }
}
