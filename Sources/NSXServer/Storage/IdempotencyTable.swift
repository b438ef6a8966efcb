import Foundation
import GRDB

/// A response stored under an `Idempotency-Key`, with the request it answered.
struct IdempotencyRecord: Sendable, Equatable {
    var method: String
    var path: String
    var bodyHash: String
    var status: Int
    var body: [UInt8]
    var createdAt: Int
}

struct IdempotencyTable {
    /// How long a key is remembered.
    static let lifetime = 24 * 3600

    let db: Database
    let scope: Scope

    /// The live record for `key`, ignoring one older than the key lifetime.
    func find(key: String, now: Int) throws -> IdempotencyRecord? {
        try Row.fetchOne(
            db,
            sql: "SELECT * FROM idempotency_keys WHERE user_id = ? AND environment = ? AND key = ? AND created_at > ?",
            arguments: [scope.userID, scope.environment.rawValue, key, now - Self.lifetime]
        ).map { row in
            IdempotencyRecord(method: row["method"], path: row["path"], bodyHash: row["body_hash"], status: row["status"],
                              body: [UInt8](row["body"] as Data), createdAt: row["created_at"])
        }
    }

    func save(key: String, record: IdempotencyRecord) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO idempotency_keys (user_id, environment, key, method, path, body_hash, status, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [scope.userID, scope.environment.rawValue, key, record.method, record.path, record.bodyHash,
                        record.status, Data(record.body), record.createdAt])
    }
}
