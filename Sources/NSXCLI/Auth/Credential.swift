#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NSXConfig

/// The secret nsx sends as `Authorization: Bearer …`, and what is known about it.
public struct Credential: Sendable {
    public enum Kind: String, Sendable { case session, apiToken = "api_token" }
    public enum Source: String, Sendable { case keyring, file, env }

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
    public var sessionExpiry: Date? {
        guard kind == .session else { return nil }
        return JWTPeek.expiry(of: secret)
    }

    /// `live`/`test`: from the token prefix for API tokens; sessions act on live unless `--test`.
    public var tokenEnvironment: String? {
        guard kind == .apiToken else { return nil }
        return secret.hasPrefix(TokenFormat.testPrefix) ? "test" : "live"
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

/// Reads the `exp` claim of a JWT without verifying it: only to warn and refresh in time;
/// the server is the judge of validity.
enum JWTPeek {
    static func expiry(of jwt: String) -> Date? {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = base64URLDecode(String(parts[1])),
              let object = try? JSONDecoder().decode(Claims.self, from: Data(payload)) else { return nil }
        return object.exp.map { Date(timeIntervalSince1970: $0) }
    }

    private struct Claims: Decodable { var exp: Double? }

    static func base64URLDecode(_ text: String) -> [UInt8]? {
        var base64 = text.replacing("-", with: "+").replacing("_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }
}
