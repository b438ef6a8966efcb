/// What nsx knows about one stored login besides its secret (which lives in
/// the keyring or the 0600 credentials file, never here).
public struct ProfileFacts: Codable, Sendable, Equatable {
    public var apiURL: String
    /// "session" or "api_token".
    public var credentialType: String
    /// Where the secret is: "keyring" or "file".
    public var storage: String
    public var email: String?
    public var userID: String?
    public var userName: String?
    public var tokenID: String?
    public var tokenName: String?
    public var tokenPrefix: String?
    /// "live" or "test".
    public var environment: String
    public var permissions: [String]
    /// RFC 3339; nil when the credential does not expire.
    public var expiresAt: String?
    var unknownFields: [String: PreservedJSON] = [:]

    public init(apiURL: String, credentialType: String, storage: String = "keyring",
                email: String? = nil, userID: String? = nil, userName: String? = nil,
                tokenID: String? = nil, tokenName: String? = nil, tokenPrefix: String? = nil,
                environment: String = "live", permissions: [String] = [], expiresAt: String? = nil) {
        self.apiURL = apiURL
        self.credentialType = credentialType
        self.storage = storage
        self.email = email
        self.userID = userID
        self.userName = userName
        self.tokenID = tokenID
        self.tokenName = tokenName
        self.tokenPrefix = tokenPrefix
        self.environment = environment
        self.permissions = permissions
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case apiURL = "api_url"
        case credentialType = "credential_type"
        case storage, email
        case userID = "user_id"
        case userName = "user_name"
        case tokenID = "token_id"
        case tokenName = "token_name"
        case tokenPrefix = "token_prefix"
        case environment, permissions
        case expiresAt = "expires_at"
    }

    public init(from decoder: any Decoder) throws {
        let known = try decoder.container(keyedBy: CodingKeys.self)
        apiURL = try known.decode(String.self, forKey: .apiURL)
        credentialType = try known.decode(String.self, forKey: .credentialType)
        storage = try known.decodeIfPresent(String.self, forKey: .storage) ?? "keyring"
        email = try known.decodeIfPresent(String.self, forKey: .email)
        userID = try known.decodeIfPresent(String.self, forKey: .userID)
        userName = try known.decodeIfPresent(String.self, forKey: .userName)
        tokenID = try known.decodeIfPresent(String.self, forKey: .tokenID)
        tokenName = try known.decodeIfPresent(String.self, forKey: .tokenName)
        tokenPrefix = try known.decodeIfPresent(String.self, forKey: .tokenPrefix)
        environment = try known.decodeIfPresent(String.self, forKey: .environment) ?? "live"
        permissions = try known.decodeIfPresent([String].self, forKey: .permissions) ?? []
        expiresAt = try known.decodeIfPresent(String.self, forKey: .expiresAt)
        unknownFields = try decoder.container(keyedBy: AnyCodingKey.self)
            .unknownMembers(besides: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    public func encode(to encoder: any Encoder) throws {
        var others = encoder.container(keyedBy: AnyCodingKey.self)
        try others.encodeMembers(unknownFields)
        var known = encoder.container(keyedBy: CodingKeys.self)
        try known.encode(apiURL, forKey: .apiURL)
        try known.encode(credentialType, forKey: .credentialType)
        try known.encode(storage, forKey: .storage)
        try known.encodeIfPresent(email, forKey: .email)
        try known.encodeIfPresent(userID, forKey: .userID)
        try known.encodeIfPresent(userName, forKey: .userName)
        try known.encodeIfPresent(tokenID, forKey: .tokenID)
        try known.encodeIfPresent(tokenName, forKey: .tokenName)
        try known.encodeIfPresent(tokenPrefix, forKey: .tokenPrefix)
        try known.encode(environment, forKey: .environment)
        try known.encode(permissions, forKey: .permissions)
        try known.encodeIfPresent(expiresAt, forKey: .expiresAt)
    }
}
