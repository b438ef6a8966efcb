/// Who is making a request, resolved from its credential.
struct Caller: Sendable {
    enum Credential: Sendable {
        case session(SessionClaims)
        case apiToken(APIToken)
    }

    let userID: String
    let environment: APIEnvironment
    let credential: Credential

    var scope: Scope { Scope(userID: userID, environment: environment) }

    /// Sessions carry every permission; tokens the ones they were given.
    var permissions: Set<Permission> {
        switch credential {
        case .session: Set(Permission.allCases)
        case .apiToken(let token): token.permissions
        }
    }

    /// When the credential stops working, if ever.
    var expiresAt: Int? {
        switch credential {
        case .session(let claims): claims.expiresAt
        case .apiToken(let token): token.expiresAt
        }
    }

    var token: APIToken? {
        if case .apiToken(let token) = credential { return token }
        return nil
    }

    var session: SessionClaims? {
        if case .session(let claims) = credential { return claims }
        return nil
    }

    /// The credential itself: the API token, or the login session (its `sid`). Rate limits
    /// and idempotency records belong to it.
    var credentialID: String {
        switch credential {
        case .session(let claims): claims.sessionID
        case .apiToken(let token): token.id
        }
    }

    func require(_ permission: Permission) throws(APIError) {
        guard permissions.contains(permission) else { throw .missingPermission(permission) }
    }
}
