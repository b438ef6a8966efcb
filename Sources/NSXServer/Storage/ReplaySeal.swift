import Crypto
import Foundation

/// How a stored idempotent response is kept: sealed under a key that only the client's
/// `Idempotency-Key` unlocks, filed under a digest of that key.
///
/// The seal is AES-GCM with a key derived by HKDF from the `Idempotency-Key` (salted with the
/// server's pepper, bound to the credential and environment); the method, path and body hash
/// are authenticated with it, so a record cannot be moved to answer another request. The
/// database holds neither the key nor anything it opens: a copy of it yields no token secret.
struct ReplaySeal: Sendable {
    /// Who a record belongs to: one API token or one login session, in one environment.
    struct Owner: Sendable, Equatable {
        let credentialID: String
        let environment: APIEnvironment
    }

    /// The request a record answered, compared on replay.
    struct Request: Sendable, Equatable {
        let method: String
        let path: String
        let bodyHash: [UInt8]

        init(method: String, path: String, body: [UInt8]) {
            self.method = method
            self.path = path
            bodyHash = Array(SHA256.hash(data: body))
        }

        init(method: String, path: String, bodyHash: [UInt8]) {
            self.method = method
            self.path = path
            self.bodyHash = bodyHash
        }

        var authenticatedData: [UInt8] { Array("\(method) \(path) ".utf8) + bodyHash }
    }

    private let pepper: [UInt8]

    init(pepper: [UInt8]) {
        self.pepper = pepper
    }

    /// What the record is filed under: an HMAC of the key, never the key.
    func digest(of key: String, for owner: Owner) -> [UInt8] {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: pepper))
        mac.update(data: Array("digest\0\(owner.credentialID)\0\(owner.environment.rawValue)\0\(key)".utf8))
        return Array(mac.finalize())
    }

    func seal(_ body: [UInt8], key: String, owner: Owner, request: Request) throws -> [UInt8] {
        let box = try AES.GCM.seal(body, using: sealingKey(key, owner), authenticating: request.authenticatedData)
        guard let combined = box.combined else { throw APIError.internalError }
        return Array(combined)
    }

    /// The body, or nil if the sealed bytes do not open with this key for this request.
    func open(_ sealed: [UInt8], key: String, owner: Owner, request: Request) -> [UInt8]? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed),
              let body = try? AES.GCM.open(box, using: sealingKey(key, owner), authenticating: request.authenticatedData)
        else { return nil }
        return Array(body)
    }

    private func sealingKey(_ key: String, _ owner: Owner) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Array(key.utf8)), salt: pepper,
                               info: Array("nsx-server replay seal v1\0\(owner.credentialID)\0\(owner.environment.rawValue)".utf8),
                               outputByteCount: 32)
    }
}
