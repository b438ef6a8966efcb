import Foundation
import GRDB

/// Resolves an `Authorization` header into a `Caller`, or fails with 401.
final class Authenticator: Sendable {
    /// `last_used_at` is written at most this often per token.
    static let lastUsedResolution = 60

    private let store: Store
    private let clock: any ServerClock
    let jwt: SessionJWT
    private let tokens = CredentialCache<APIToken>()
    private let sessions = CredentialCache<Session>()

    init(store: Store, clock: any ServerClock, jwt: SessionJWT) {
        self.store = store
        self.clock = clock
        self.jwt = jwt
    }

    /// - Parameter requestedEnvironment: the `Nurosentrix-Environment` header; sessions follow it, tokens ignore it.
    func authenticate(authorization: String?, requestedEnvironment: APIEnvironment?, sessionsOnly: Bool = false) async throws -> Caller {
        guard let credential = Self.bearer(authorization) else { throw APIError.unauthorized }
        let now = clock.now()
        if TokenSecret.environment(of: credential) != nil {
            guard !sessionsOnly else { throw APIError.unauthorized }
            let token = try await usableToken(secret: credential, now: now)
            return Caller(userID: token.userID, environment: token.environment, credential: .apiToken(token))
        }
        guard let claims = jwt.verify(credential, now: now) else { throw APIError.unauthorized }
        let session = try await activeSession(id: claims.sessionID)
        guard let session, session.userID == claims.userID, session.revokedAt == nil, Double(session.expiresAt) > now else {
            throw APIError.unauthorized
        }
        return Caller(userID: claims.userID, environment: requestedEnvironment ?? .live, credential: .session(claims))
    }

    /// Forget a revoked token at once: its next request is refused.
    func tokenRevoked(secretHash: String) { tokens.remove(secretHash) }

    func sessionEnded(id: String) { sessions.remove(id) }

    private func usableToken(secret: String, now: Double) async throws -> APIToken {
        let hash = TokenSecret.hash(secret)
        var token = tokens.value(for: hash)
        if token == nil {
            let generation = tokens.generation
            token = try await store.read { db in try TokensTable(db: db).find(secretHash: hash) }
            if let token { tokens.insert(token, for: hash, ifGeneration: generation) }
        }
        guard var token, token.isUsable(at: now) else { throw APIError.unauthorized }
        let second = Int(now)
        if token.lastUsedAt.map({ second - $0 >= Self.lastUsedResolution }) ?? true {
            let id = token.id
            try await store.write { db in try TokensTable(db: db).markUsed(id: id, at: second) }
            tokens.update(hash) { $0.lastUsedAt = second }
            token.lastUsedAt = second
        }
        return token
    }

    private func activeSession(id: String) async throws -> Session? {
        if let session = sessions.value(for: id) { return session }
        let generation = sessions.generation
        let session = try await store.read { db in try UsersTable(db: db).findSession(id: id) }
        if let session { sessions.insert(session, for: id, ifGeneration: generation) }
        return session
    }

    /// The credential of `Bearer <credential>` (the scheme in any case, blanks around the
    /// credential ignored). Read as bytes: Foundation's trimming and `lowercased()` were a
    /// tenth of an authenticated GET's instructions (docs/BENCHMARKS.md).
    static func bearer(_ header: String?) -> String? {
        guard let header else { return nil }
        let bytes = header.utf8
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let start = bytes.drop { $0 == UInt8(ascii: " ") }
        let scheme = start.prefix { $0 != UInt8(ascii: " ") }
        guard scheme.count == 6, zip(scheme, "bearer".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        var credential = start.dropFirst(6).drop(while: isBlank)
        while let last = credential.last, isBlank(last) { credential = credential.dropLast() }
        return credential.isEmpty ? nil : String(Substring(credential))
    }
}
