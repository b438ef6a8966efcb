/// What is known about the credential nsx is using: which token it is, what it may do and
/// when it expires. The profile's facts answer when they can; for `NSX_TOKEN` (never
/// stored, so nothing is known) or facts that lack an answer, `GET /api/v1/me` does —
/// best effort: a server without that route, or any failure, leaves the answer unknown.
struct CurrentCredential: Equatable {
    var kind: Credential.Kind
    var source: Credential.Source
    /// The API token's ID (nil for sessions, or when unknown).
    var tokenID: String?
    var permissions: [String]?
    /// RFC 3339; nil when it never expires or is unknown.
    var expiresAt: String?

    /// Describes `client`'s credential; asks the server only for what the facts lack in `needs`.
    static func describe(_ client: APIClient, needs: Set<Need>) -> CurrentCredential? {
        guard let credential = try? client.credential else { return nil }
        var result = CurrentCredential(kind: credential.kind, source: credential.source)
        if credential.source != .env, let facts = credential.facts {
            result.tokenID = facts.tokenID
            result.permissions = facts.permissions.isEmpty ? nil : facts.permissions
            result.expiresAt = facts.expiresAt
        }
        let missing = needs.contains { need in
            switch need {
            case .tokenID: credential.kind == .apiToken && result.tokenID == nil
            case .permissions: result.permissions == nil
            case .expiry: credential.kind == .apiToken && (credential.source == .env || result.tokenID == nil)
            }
        }
        guard missing, let identity = try? Identity.fetch(client) else { return result }
        if let id = identity.token?.id { result.tokenID = id }
        result.permissions = identity.permissions
        if needs.contains(.expiry) { result.expiresAt = identity.expiresAt }
        return result
    }

    enum Need: Hashable { case tokenID, permissions, expiry }
}

/// On a 403, the permissions of the credential in use, so the error can say what it has
/// and the exact `nsx tokens create` that would do the job (ErrorPresenter.permissionHints).
/// The profile's facts answer when they can; otherwise `GET /api/v1/me`, with a client that
/// never renews a session: presenting an error writes nothing.
enum CredentialPermissions {
    static func lookUp(_ factory: Factory) -> [String]? {
        if factory.environment[EnvironmentVariable.token.rawValue] == nil,
           let facts = try? factory.profileFacts(), !facts.permissions.isEmpty {
            return Permission.canonicalOrder(facts.permissions)
        }
        guard let client = try? factory.api.client(.never) else { return nil }
        return CurrentCredential.describe(client, needs: [.permissions])?.permissions
    }
}
