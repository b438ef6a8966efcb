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

    /// Validates, takes a place under the login throttle (per email and per address, checked
    /// and counted in one step), then has the password checked on the password workers, off
    /// the threads that serve requests: it is deliberately slow.
    @Sendable private func login(_ call: Call) async throws -> Reply {
        var fields = call.fields
        fields.allowOnly(["email", "password"])
        let email = fields.string("email", required: true, .length(1...254))
        let password = fields.string("password", required: true, .length(1...1024))
        try fields.finish()
        guard let email, let password else { throw APIError.validation(fields.issues) }

        let services = call.services
        let attempt = try services.loginThrottle.begin(email: email, address: call.clientAddress, now: call.now)
        let user: User?
        let verified: Bool
        do {
            user = try await services.store.read { db in try UsersTable(db: db).find(email: email) }
            let hasher = services.passwordHasher
            let passwordHash = user?.passwordHash
            verified = try await services.passwordWorkers.run {
                guard let passwordHash else {
                    // As slow as a real check, so an unknown email cannot be told apart by timing.
                    hasher.burn(password)
                    return false
                }
                return hasher.verify(password, against: passwordHash)
            }
        } catch let busy as PasswordWorkers.Busy {
            services.loginThrottle.abandon(attempt)
            throw APIError.rateLimited("Too many logins in progress; try again in \(busy.retryAfter) seconds", retryAfter: busy.retryAfter)
        } catch {
            services.loginThrottle.abandon(attempt)
            throw error
        }
        services.loginThrottle.finish(attempt, succeeded: verified, now: call.now)
        guard let user, verified else { throw APIError.invalidCredentials }
        let data = try await services.store.write { db in
            try SessionIssuer.issue(for: user, services: services, now: call.second, db: db)
        }
        return Reply(.ok, data)
    }
}
