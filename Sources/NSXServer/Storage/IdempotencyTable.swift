import Foundation
import GRDB

/// A response stored under an `Idempotency-Key`: the request it answered, its status, and
/// its body sealed by `ReplaySeal`.
struct IdempotencyRecord: Sendable, Equatable {
    var request: ReplaySeal.Request
    var status: Int
    var sealedBody: [UInt8]
    var createdAt: Int
}

/// Idempotency records of one credential in one environment, filed by key digest.
struct IdempotencyTable {
    /// How long a key is remembered.
    static let lifetime = 24 * 3600

    let db: Database
    let owner: ReplaySeal.Owner

    /// The live record filed under `digest`, ignoring one older than the key lifetime.
    func find(digest: [UInt8], now: Int) throws -> IdempotencyRecord? {
        let statement = try db.cachedStatement(sql: """
            SELECT method, path, body_hash, status, sealed_body, created_at FROM idempotency_records
            WHERE credential_id = ? AND environment = ? AND key_digest = ? AND created_at > ?
            """)
        let arguments: StatementArguments = [owner.credentialID, owner.environment.rawValue, Data(digest), now - Self.lifetime]
        return try statement.fetchFirst(arguments: arguments) { row in
            IdempotencyRecord(request: ReplaySeal.Request(method: row[0], path: row[1], bodyHash: [UInt8](row[2] as Data)),
                              status: row[3], sealedBody: [UInt8](row[4] as Data), createdAt: row[5])
        }
    }

    /// Files `record` under `digest` (replacing an expired one), and forgets expired records.
    func save(digest: [UInt8], record: IdempotencyRecord) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO idempotency_records
                    (credential_id, environment, key_digest, method, path, body_hash, status, sealed_body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [owner.credentialID, owner.environment.rawValue, Data(digest), record.request.method, record.request.path,
                        Data(record.request.bodyHash), record.status, Data(record.sealedBody), record.createdAt])
        try db.execute(sql: "DELETE FROM idempotency_records WHERE created_at <= ?", arguments: [record.createdAt - Self.lifetime])
    }
}
