import NSXConfig
import NSXJSON

/// Who a credential belongs to and what it may do, as `GET /api/v1/me` answers.
struct Identity: Sendable, Equatable {
    struct User: Sendable, Equatable {
        var id: String?
        var email: String?
        var name: String?
    }

    struct Token: Sendable, Equatable {
        var id: String?
        var name: String?
        var prefix: String?
    }

    var user: User
    var type: Credential.Kind
    var environment: APIEnvironment
    var permissions: [String]
    var expiresAt: String?
    var token: Token?

    /// Asks the server. Nil when it has no `/api/v1/me`.
    static func fetch(_ client: APIClient) throws(CLIError) -> Identity? {
        let response: APIResponse
        do {
            response = try client.get("/api/v1/me")
        } catch {
            if case .unsupported = error { return nil }
            throw error
        }
        return try Identity(response.data, requestID: response.requestID)
    }

    init(user: User, type: Credential.Kind, environment: APIEnvironment, permissions: [String], expiresAt: String?, token: Token?) {
        self.user = user
        self.type = type
        self.environment = environment
        self.permissions = permissions
        self.expiresAt = expiresAt
        self.token = token
    }

    init(_ data: JSONValue, requestID: String?) throws(CLIError) {
        guard let user = data["user"]?.objectValue, let auth = data["auth"]?.objectValue else {
            throw .malformedResponse("/api/v1/me without user and auth", requestID: requestID)
        }
        self.user = User(id: user["id"]?.stringValue, email: user["email"]?.stringValue, name: user["name"]?.stringValue)
        type = auth["type"]?.stringValue == Credential.Kind.apiToken.rawValue ? .apiToken : .session
        environment = auth["environment"]?.stringValue.flatMap(APIEnvironment.init(rawValue:)) ?? .live
        permissions = Permission.canonicalOrder((auth["permissions"]?.arrayValue ?? []).compactMap(\.stringValue))
        expiresAt = auth["expires_at"]?.stringValue
        if let token = auth["token"]?.objectValue {
            self.token = Token(id: token["id"]?.stringValue, name: token["name"]?.stringValue, prefix: token["prefix"]?.stringValue)
        }
    }

    /// What is known without asking: the facts stored at login.
    init(facts: ProfileFacts) {
        user = User(id: facts.userID, email: facts.email, name: facts.userName)
        type = facts.credentialType
        environment = facts.environment
        permissions = facts.permissions
        expiresAt = facts.expiresAt
        if facts.tokenID != nil || facts.tokenName != nil || facts.tokenPrefix != nil {
            token = Token(id: facts.tokenID, name: facts.tokenName, prefix: facts.tokenPrefix)
        }
    }

    /// The non-secret facts config.json keeps for a login with this identity.
    func facts(apiURL: String, storage: SecretStorage) -> ProfileFacts {
        ProfileFacts(apiURL: apiURL, credentialType: type, storage: storage,
                     email: user.email, userID: user.id, userName: user.name,
                     tokenID: token?.id, tokenName: token?.name, tokenPrefix: token?.prefix,
                     environment: environment, permissions: permissions, expiresAt: expiresAt)
    }

    /// "Test User (tester@example.com)", or whichever part is known.
    var userDescription: String {
        switch (user.name, user.email) {
        case let (name?, email?): "\(name) (\(email))"
        case let (name?, nil): name
        case let (nil, email?): email
        case (nil, nil): user.id ?? "unknown"
        }
    }

    var userJSON: JSONValue {
        if user == User() { return .null }
        return .object(["id": user.id.map(JSONValue.string) ?? .null,
                        "email": user.email.map(JSONValue.string) ?? .null,
                        "name": user.name.map(JSONValue.string) ?? .null])
    }

    var tokenJSON: JSONValue {
        guard let token else { return .null }
        return .object(["id": token.id.map(JSONValue.string) ?? .null,
                        "name": token.name.map(JSONValue.string) ?? .null,
                        "prefix": token.prefix.map(JSONValue.string) ?? .null])
    }
}
