import GRDB

/// `/api/v1/servers`: `servers:read` / `servers:write`.
struct ServersController {
    func register(on routes: inout RouteTable) {
        let listQuery = QuerySpec.list(["name": .text, "region": .oneOf(Server.regions), "status": .oneOf(Server.statuses)])
        routes.get("/api/v1/servers", .credential(.serversRead), query: listQuery) { call, db in
            let page = try ServersTable(db: db, scope: call.scope).list(filters: call.query.filters, page: call.query.pageRequest)
            return .page(page, limit: call.query.pageRequest.limit) { $0.json }
        }
        routes.post("/api/v1/servers", .credential(.serversWrite), create)
        routes.get("/api/v1/servers/:id", .credential(.serversRead)) { call, db in
            Reply(.ok, try Self.require(call, db).json)
        }
        routes.patch("/api/v1/servers/:id", .credential(.serversWrite), update)
        routes.delete("/api/v1/servers/:id", .credential(.serversWrite)) { call, db in
            let server = try Self.require(call, db)
            let table = ServersTable(db: db, scope: call.scope)
            let instances = try table.instanceCount(serverID: server.id)
            guard instances == 0 else { throw APIError.conflict("Server has \(instances) instance(s); delete them first") }
            try table.delete(id: server.id)
            return Reply(.ok, .object(["id": .string(server.id), "deleted": .bool(true)]))
        }
    }

    static func require(_ call: Call, _ db: Database) throws -> Server {
        guard let server = try ServersTable(db: db, scope: call.scope).find(id: call.id) else {
            throw APIError.notFound("Server not found: \(call.id)")
        }
        return server
    }

    @Sendable private func create(_ call: Call, _ db: Database) throws -> Reply {
        let table = ServersTable(db: db, scope: call.scope)
        var fields = call.fields
        fields.allowOnly(["name", "region", "plan", "labels"])
        let name = fields.string("name", required: true, .resourceName)
        let region = fields.string("region", required: true, .oneOf(Server.regions))
        let plan = fields.string("plan", required: true, .oneOf(Server.plans))
        var labels: [String: String] = [:]
        if fields.object["labels"] == .null {
            fields.fail("labels", "must be an object of string values")
        } else {
            Labels.merge(&fields, into: &labels)
        }
        if let name, try table.find(name: name) != nil {
            fields.fail("name", "is already used by another server in this environment")
        }
        try fields.finish()
        guard let name, let region, let plan else { throw APIError.validation(fields.issues) }

        let deadline = call.now + call.services.actionDelay
        let server = Server(id: Identifier.server.make(), scope: call.scope, name: name, region: region, plan: plan,
                            status: "provisioning", ipv4: Self.makeAddress(), labels: labels,
                            createdAt: call.second, updatedAt: call.second, nextStatus: "active", dueAt: deadline)
        try table.save(server)
        return Reply(.created, server.json, effects: [.transitionScheduled(dueAt: deadline)])
    }

    @Sendable private func update(_ call: Call, _ db: Database) throws -> Reply {
        var server = try Self.require(call, db)
        let table = ServersTable(db: db, scope: call.scope)
        var fields = call.fields
        fields.allowOnly(["name", "labels"])
        if let name = fields.string("name", .resourceName) {
            if name != server.name, try table.find(name: name) != nil {
                fields.fail("name", "is already used by another server in this environment")
            }
            server.name = name
        }
        Labels.merge(&fields, into: &server.labels)
        try fields.finish()
        server.updatedAt = call.second
        try table.save(server)
        return Reply(.ok, server.json)
    }

    /// An address from the documentation ranges: this service owns no real ones.
    static func makeAddress() -> String {
        let network = ["192.0.2", "198.51.100", "203.0.113"].randomElement()!
        return "\(network).\(Int.random(in: 1...254))"
    }
}
