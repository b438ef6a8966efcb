import Crypto
import Foundation

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
    private static let header = base64URL(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// The HMAC key's bytes (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    init(key: SymmetricKey) {
        keyBytes = key.withUnsafeBytes { Array($0) }
    }

    func sign(_ claims: SessionClaims) -> String {
        let payload: JSON = .object([
            "sub": .string(claims.userID),
            "sid": .string(claims.sessionID),
            "iat": .int(claims.issuedAt),
            "exp": .int(claims.expiresAt),
        ])
        let signingInput = Self.header + "." + Self.base64URL(Array(payload.serialized.utf8))
        let signature = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
        return signingInput + "." + Self.base64URL(Array(signature))
    }

    /// The claims of a token whose header, signature and expiry are all good.
    func verify(_ token: String, now: Double) -> SessionClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerBytes = Self.decodeBase64URL(parts[0]),
              case .object(let header)? = JSON.parse(headerBytes),
              header["alg"] == .string("HS256"),
              let signature = Self.decodeBase64URL(parts[2]),
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count)), using: key),
              let payloadBytes = Self.decodeBase64URL(parts[1]),
              case .object(let payload)? = JSON.parse(payloadBytes),
              let userID = payload["sub"]?.stringValue,
              let sessionID = payload["sid"]?.stringValue,
              let issuedAt = payload["iat"]?.intValue,
              let expiresAt = payload["exp"]?.intValue,
              Double(expiresAt) > now
        else { return nil }
        return SessionClaims(userID: userID, sessionID: sessionID, issuedAt: issuedAt, expiresAt: expiresAt)
    }

    /// The signing key kept in the data folder (created once, mode 0600), or a fresh one for in-memory runs.
    static func loadKey(folder: String?) throws -> SymmetricKey {
        guard let folder else { return SymmetricKey(size: .bits256) }
        let path = (folder as NSString).appendingPathComponent("jwt-signing.key")
        if let data = FileManager.default.contents(atPath: path), data.count >= 32 {
            return SymmetricKey(data: data)
        }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return key
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        guard !text.contains("=") else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }
}
