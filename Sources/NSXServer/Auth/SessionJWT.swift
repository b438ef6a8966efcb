import Crypto
import NSXJSON

/// The claims of a session JWT.
struct SessionClaims: Sendable, Equatable {
    var userID: String
    var sessionID: String
    var issuedAt: Int
    var expiresAt: Int
}

/// HS256 JSON Web Tokens for login sessions, signed with swift-crypto's HMAC.
/// Only `HS256` is accepted: `none` and every other algorithm are refused.
struct SessionJWT: Sendable {
    static let lifetime = 24 * 3600
    private static let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// The HMAC key's bytes (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    init(keyBytes: [UInt8]) {
        self.keyBytes = keyBytes
    }

    init(key: SymmetricKey) {
        self.init(keyBytes: key.withUnsafeBytes { Array($0) })
    }

    func sign(_ claims: SessionClaims) -> String {
        let payload: JSONValue = .object([
            "sub": .string(claims.userID),
            "sid": .string(claims.sessionID),
            "iat": .int(claims.issuedAt),
            "exp": .int(claims.expiresAt),
        ])
        let signingInput = Self.header + "." + Base64URL.encode(payload.serializedBytes())
        let signature = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
        return signingInput + "." + Base64URL.encode(Array(signature))
    }

    /// The claims of a token whose header, signature and expiry are all good. Each part must
    /// be canonical base64url (`Base64URL`), so one token has exactly one spelling.
    func verify(_ token: String, now: Double) -> SessionClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerBytes = Base64URL.decode(parts[0]),
              case .object(let header)? = try? JSONValue.parse(headerBytes, maxDepth: 1),
              header["alg"] == .string("HS256"),
              let signature = Base64URL.decode(parts[2]),
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count)), using: key),
              let payloadBytes = Base64URL.decode(parts[1]),
              case .object(let payload)? = try? JSONValue.parse(payloadBytes, maxDepth: 1),
              let userID = payload["sub"]?.stringValue,
              let sessionID = payload["sid"]?.stringValue,
              let issuedAt = payload["iat"]?.intValue,
              let expiresAt = payload["exp"]?.intValue,
              Double(expiresAt) > now
        else { return nil }
        return SessionClaims(userID: userID, sessionID: sessionID, issuedAt: issuedAt, expiresAt: expiresAt)
    }
}
