import NSXJSON

/// What nsx knows about one stored login besides its secret (which lives in
/// the keyring or the 0600 credentials file, never here).
///
/// A view over the profile's object in config.json: the properties read and write its
/// keys, and keys this version does not know stay as they were.
public struct ProfileFacts: Sendable, Equatable {
    /// The profile's object as stored.
    public private(set) var json: JSONObject

    public init(apiURL: String, credentialType: CredentialKind, storage: SecretStorage = .keyring,
                email: String? = nil, userID: String? = nil, userName: String? = nil,
                tokenID: String? = nil, tokenName: String? = nil, tokenPrefix: String? = nil,
                environment: APIEnvironment = .live, permissions: [String] = [], expiresAt: String? = nil) {
        json = JSONObject()
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

    /// Facts as read from config.json, checked key by key; `path` names the object in errors.
    init(validating json: JSONObject, path: String) throws(ConfigShapeError) {
        let fields = ConfigFields(json, path: path)
        _ = try fields.string(Key.apiURL, required: true)
        _ = try fields.choice(Key.credentialType, of: CredentialKind.self, required: true)
        _ = try fields.choice(Key.storage, of: SecretStorage.self)
        _ = try fields.choice(Key.environment, of: APIEnvironment.self)
        for key in [Key.email, Key.userID, Key.userName, Key.tokenID, Key.tokenName, Key.tokenPrefix, Key.expiresAt] {
            _ = try fields.string(key)
        }
        _ = try fields.strings(Key.permissions)
        self.json = json
    }

    public var apiURL: String {
        get { json[Key.apiURL]?.stringValue ?? "" }
        set { json[Key.apiURL] = .string(newValue) }
    }

    public var credentialType: CredentialKind {
        get { json[Key.credentialType]?.stringValue.flatMap(CredentialKind.init(rawValue:)) ?? .session }
        set { json[Key.credentialType] = .string(newValue.rawValue) }
    }

    /// Where the secret is; a profile stored before this was recorded is in the keyring.
    public var storage: SecretStorage {
        get { json[Key.storage]?.stringValue.flatMap(SecretStorage.init(rawValue:)) ?? .keyring }
        set { json[Key.storage] = .string(newValue.rawValue) }
    }

    public var email: String? { get { self[text: Key.email] } set { self[text: Key.email] = newValue } }
    public var userID: String? { get { self[text: Key.userID] } set { self[text: Key.userID] = newValue } }
    public var userName: String? { get { self[text: Key.userName] } set { self[text: Key.userName] = newValue } }
    public var tokenID: String? { get { self[text: Key.tokenID] } set { self[text: Key.tokenID] = newValue } }
    public var tokenName: String? { get { self[text: Key.tokenName] } set { self[text: Key.tokenName] = newValue } }
    public var tokenPrefix: String? { get { self[text: Key.tokenPrefix] } set { self[text: Key.tokenPrefix] = newValue } }

    /// Which resources the credential acts on; live unless recorded otherwise.
    public var environment: APIEnvironment {
        get { json[Key.environment]?.stringValue.flatMap(APIEnvironment.init(rawValue:)) ?? .live }
        set { json[Key.environment] = .string(newValue.rawValue) }
    }

    public var permissions: [String] {
        get { (json[Key.permissions]?.arrayValue ?? []).compactMap(\.stringValue) }
        set { json[Key.permissions] = .array(newValue.map(JSONValue.string)) }
    }

    /// RFC 3339; nil when the credential does not expire.
    public var expiresAt: String? { get { self[text: Key.expiresAt] } set { self[text: Key.expiresAt] = newValue } }

    /// An optional string member; nil removes it.
    private subscript(text key: String) -> String? {
        get { json[key]?.stringValue }
        set { json[key] = newValue.map(JSONValue.string) }
    }

    /// The keys of a profile's object in config.json.
    enum Key {
        static let apiURL = "api_url", credentialType = "credential_type", storage = "storage", email = "email"
        static let userID = "user_id", userName = "user_name", tokenID = "token_id", tokenName = "token_name"
        static let tokenPrefix = "token_prefix", environment = "environment", permissions = "permissions", expiresAt = "expires_at"
    }
}
