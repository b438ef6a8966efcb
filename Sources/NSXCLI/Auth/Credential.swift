import NSXConfig
import NSXTime

/// The secret nsx sends as `Authorization: Bearer …`, and what is known about it.
public struct Credential: Sendable {
    public typealias Kind = CredentialKind
    public enum Source: String, Sendable {
        case keyring, file, env

        /// Where a stored profile's secret comes from.
        init(_ storage: SecretStorage) {
            self = storage == .file ? .file : .keyring
        }
    }

    public var secret: String
    public var kind: Kind
    public var source: Source
    /// Non-secret facts stored at login (nil for `NSX_TOKEN`).
    public var facts: ProfileFacts?

    public init(secret: String, kind: Kind, source: Source, facts: ProfileFacts?) {
        self.secret = secret
        self.kind = kind
        self.source = source
        self.facts = facts
    }

    /// API tokens are `nsx_live_`/`nsx_test_` + 32 characters; anything else is taken as a session JWT.
    public static func kind(of secret: String) -> Kind {
        TokenFormat.isAPIToken(secret) ? .apiToken : .session
    }

    /// For a session: the expiry written inside the JWT itself (its `exp` claim).
    public var sessionExpiry: Timestamp? {
        guard kind == .session else { return nil }
        return JWTPeek.expiry(of: secret)
    }

    /// From the token prefix for API tokens; sessions act on live unless `--test`.
    public var tokenEnvironment: APIEnvironment? {
        guard kind == .apiToken else { return nil }
        return secret.hasPrefix(TokenFormat.testPrefix) ? .test : .live
    }

    /// Which resources requests with this credential act on. An API token's own; a session's
    /// is test when `--test` (or `NSX_ENV=test`) asks, or when its profile logged in with
    /// `--test`: a profile labelled test acts in test on every command.
    public func environment(testRequested: Bool) -> APIEnvironment {
        if let tokenEnvironment { return tokenEnvironment }
        return testRequested || facts?.environment == .test ? .test : .live
    }
}

enum TokenFormat {
    static let livePrefix = "nsx_live_"
    static let testPrefix = "nsx_test_"

    static func isAPIToken(_ secret: String) -> Bool {
        for prefix in [livePrefix, testPrefix] where secret.hasPrefix(prefix) {
            let rest = secret.utf8.dropFirst(prefix.utf8.count)
            return rest.count == 32 && rest.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            }
        }
        return false
    }

    /// Why a string given to `login --with-token` is not an API token, or nil when it is one.
    static func problem(with secret: String) -> String? {
        if isAPIToken(secret) { return nil }
        if !(secret.hasPrefix(livePrefix) || secret.hasPrefix(testPrefix)) {
            return "an API token starts with \(livePrefix) or \(testPrefix)"
        }
        return "an API token is its prefix followed by 32 letters and digits"
    }
}

