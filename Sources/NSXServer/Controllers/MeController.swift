import GRDB
import NSXJSON

/// `GET /api/v1/me`: who the credential belongs to and what it may do.
struct MeController {
    func register(on routes: inout RouteTable) {
        routes.get("/api/v1/me", .credential(nil)) { call, db in
            let caller = call.principal
            guard let user = try UsersTable(db: db).find(id: caller.userID) else { throw APIError.unauthorized }
            let auth: JSONValue = .object([
                "type": .string(caller.token == nil ? "session" : "api_token"),
                "environment": .string(caller.environment.rawValue),
                "permissions": .array(caller.permissions.sorted().map { .string($0.rawValue) }),
                "token": caller.token?.json ?? .null,
                "expires_at": .optionalTime(caller.expiresAt),
            ])
            return Reply(.ok, .object(["user": user.summaryJSON, "auth": auth]))
        }
    }
}
