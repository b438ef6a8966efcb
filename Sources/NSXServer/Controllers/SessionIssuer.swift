import GRDB
import NSXJSON

/// Starts a login session and renders the login response.
enum SessionIssuer {
    static func issue(for user: User, services: AppServices, now: Int, db: Database) throws -> JSONValue {
        let session = Session(id: Identifier.session.make(), userID: user.id, createdAt: now,
                              expiresAt: now + SessionJWT.lifetime, revokedAt: nil)
        try UsersTable(db: db).insertSession(session)
        let token = services.authenticator.jwt.sign(
            SessionClaims(userID: user.id, sessionID: session.id, issuedAt: now, expiresAt: session.expiresAt))
        return .object([
            "token": .string(token),
            "expires_at": .time(session.expiresAt),
            "user": user.summaryJSON,
        ])
    }
}
