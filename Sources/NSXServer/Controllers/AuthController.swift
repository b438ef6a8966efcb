import GRDB

/// `/auth/login`, `/auth/refresh`, `/auth/logout`.
struct AuthController {
    func register(on routes: inout RouteTable) {
        routes.add(.post, "/auth/login", Endpoint(access: .open, work: .custom(login)))
        routes.post("/auth/refresh", .session) { call, db in
            guard let user = try UsersTable(db: db).find(id: call.principal.userID) else { throw APIError.unauthorized }
            return Reply(.ok, try SessionIssuer.issue(for: user, services: call.services, now: call.second, db: db))
        }
        routes.post("/auth/logout", .session) { call, db in
            let sessionID = call.principal.session!.sessionID
            try UsersTable(db: db).revokeSession(id: sessionID, at: call.second)
            return Reply(.ok, .null, effects: [.sessionEnded(id: sessionID)])
        }
    }

    /// Validates, checks the per-email throttle, then verifies the password outside any
    /// transaction (it is deliberately slow).
    @Sendable private func login(_ call: Call) async throws -> Reply {
        var fields = call.fields
        fields.allowOnly(["email", "password"])
        let email = fields.string("email", required: true, .length(1...254))
        let password = fields.string("password", required: true, .length(1...1024))
        try fields.finish()
        guard let email, let password else { throw APIError.validation(fields.issues) }

        let services = call.services
        if let retryAfter = services.loginThrottle.retryAfter(email: email, now: call.now) {
            throw APIError.rateLimited("Too many failed login attempts; try again in \(retryAfter) seconds", retryAfter: retryAfter)
        }
        let user = try await services.store.read { db in try UsersTable(db: db).find(email: email) }
        let verified: Bool
        if let user {
            verified = services.passwordHasher.verify(password, against: user.passwordHash)
        } else {
            services.passwordHasher.burn(password)
            verified = false
        }
        guard let user, verified else {
            services.loginThrottle.recordFailure(email: email, now: call.now)
            throw APIError.invalidCredentials
        }
        services.loginThrottle.recordSuccess(email: email)
        let data = try await services.store.write { db in
            try SessionIssuer.issue(for: user, services: services, now: call.second, db: db)
        }
        return Reply(.ok, data)
    }
}
