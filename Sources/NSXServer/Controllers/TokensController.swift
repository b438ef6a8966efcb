import GRDB
import NSXTime

/// API tokens (Settings → API Keys): `settings:read` to view, `settings:write` to create or revoke.
struct TokensController {
    func register(on routes: inout RouteTable) {
        let listQuery = QuerySpec.list([
            "environment": .oneOf(APIEnvironment.allCases.map(\.rawValue)),
            "include_revoked": .flag,
            "name": .text,
        ])
        routes.get("/api/v1/tokens", .credential(.settingsRead), query: listQuery) { call, db in
            var environment = call.query.filters["environment"].flatMap(APIEnvironment.init(rawValue:))
            if call.principal.token?.environment == .test {
                // A test token sees test tokens only.
                if environment == .live { return Reply(.ok, .array([]), meta: Page<APIToken>(items: [], nextCursor: nil).meta(limit: call.query.pageRequest.limit)) }
                environment = .test
            }
            let page = try TokensTable(db: db).list(userID: call.principal.userID, environment: environment,
                                                     includeRevoked: call.query.filters["include_revoked"] == "true",
                                                     name: call.query.filters["name"], page: call.query.pageRequest)
            return .page(page, limit: call.query.pageRequest.limit) { $0.json }
        }
        routes.post("/api/v1/tokens", .credential(.settingsWrite), create)
        routes.get("/api/v1/tokens/:id", .credential(.settingsRead)) { call, db in
            Reply(.ok, try visibleToken(call, db).json)
        }
        routes.delete("/api/v1/tokens/:id", .credential(.settingsWrite)) { call, db in
            var token = try visibleToken(call, db)
            if token.revokedAt == nil {
                try TokensTable(db: db).revoke(id: token.id, at: call.second)
                token.revokedAt = call.second
            }
            return Reply(.ok, token.json, effects: [.tokenRevoked(secretHash: token.secretHash)])
        }
    }

    private func visibleToken(_ call: Call, _ db: Database) throws -> APIToken {
        guard let token = try TokensTable(db: db).find(id: call.id, userID: call.principal.userID),
              call.principal.token?.environment != .test || token.environment == .test
        else { throw APIError.notFound("Token not found: \(call.id)") }
        return token
    }

    @Sendable private func create(_ call: Call, _ db: Database) throws -> Reply {
        var fields = call.fields
        fields.allowOnly(["name", "permissions", "environment", "expires_at"])
        let name = fields.string("name", required: true, .length(1...100))
        let permissions = Self.readPermissions(&fields)
        let environment = fields.string("environment", .oneOf(APIEnvironment.allCases.map(\.rawValue)))
            .flatMap(APIEnvironment.init(rawValue:)) ?? .live
        var expiresAt: Int?
        switch fields.object["expires_at"] {
        case nil, .null?:
            break
        case .string(let text)?:
            // Any offset and fraction RFC 3339 allows; kept in whole seconds (docs/openapi.yaml, TokenCreate).
            if let time = Timestamp(rfc3339: text) {
                if time.secondsSinceEpoch <= call.now { fields.fail("expires_at", "must be in the future") } else { expiresAt = time.seconds }
            } else {
                fields.fail("expires_at", "must be an RFC 3339 time such as 2030-01-31T12:00:00Z")
            }
        case .some:
            fields.fail("expires_at", "must be an RFC 3339 time or null")
        }
        try fields.finish()
        guard let name, let permissions else { throw APIError.validation(fields.issues) }

        let caller = call.principal
        if let creator = caller.token {
            if let missing = permissions.sorted().first(where: { !creator.permissions.contains($0) }) {
                throw APIError.missingPermission(missing)
            }
            if creator.environment == .test, environment == .live {
                throw APIError.forbidden("A test token cannot create a live token")
            }
            if let creatorExpiry = creator.expiresAt, (expiresAt ?? Int.max) > creatorExpiry {
                throw APIError.forbidden("Token cannot create a token that outlives it")
            }
        }

        let secret = TokenSecret.generate(for: environment)
        let token = APIToken(id: Identifier.token.make(), userID: caller.userID, name: name, environment: environment,
                             permissions: permissions, secretHash: TokenSecret.hash(secret),
                             prefix: TokenSecret.displayPrefix(of: secret, environment: environment),
                             createdAt: call.second, lastUsedAt: nil, expiresAt: expiresAt, revokedAt: nil)
        try TokensTable(db: db).insert(token)
        guard case .object(var object) = token.json else { return Reply(.created, token.json) }
        object["token"] = .string(secret)
        return Reply(.created, .object(object))
    }

    private static func readPermissions(_ fields: inout FieldReader) -> Set<Permission>? {
        guard let value = fields.object["permissions"] else {
            fields.fail("permissions", "is required")
            return nil
        }
        guard case .array(let items) = value else {
            fields.fail("permissions", "must be an array of permission names")
            return nil
        }
        guard !items.isEmpty else {
            fields.fail("permissions", "must list at least one permission")
            return nil
        }
        var permissions = Set<Permission>()
        var allKnown = true
        for (index, item) in items.enumerated() {
            guard let permission = item.stringValue.flatMap(Permission.init(rawValue:)) else {
                allKnown = false
                fields.fail("permissions[\(index)]", "is not a known permission; known: \(Permission.allCases.map(\.rawValue).joined(separator: " "))")
                continue
            }
            permissions.insert(permission)
        }
        return allKnown ? permissions : nil
    }
}
