import GRDB

/// Completes the timed state transitions whose deadline has passed.
///
/// A transition is stored on its row as `next_status` plus `due_at`, so a restart loses none:
/// whatever fell due while the server was down is completed by the next request.
struct TransitionsTable {
    let db: Database

    func completeDue(now: Double) throws {
        try db.execute(sql: """
            UPDATE servers SET status = next_status, updated_at = CAST(due_at AS INTEGER), next_status = NULL, due_at = NULL
            WHERE due_at <= ?
            """, arguments: [now])
        try db.execute(sql: """
            UPDATE instances SET status = next_status, updated_at = CAST(due_at AS INTEGER), next_status = NULL, due_at = NULL
            WHERE due_at <= ?
            """, arguments: [now])
        try db.execute(sql: """
            UPDATE backups SET
                size_bytes = CASE WHEN status = 'pending' THEN final_size_bytes ELSE size_bytes END,
                completed_at = CASE WHEN status = 'pending' THEN CAST(due_at AS INTEGER) ELSE completed_at END,
                status = next_status, next_status = NULL, due_at = NULL
            WHERE due_at <= ?
            """, arguments: [now])
    }

    /// The earliest deadline still ahead, if any.
    func nextDeadline() throws -> Double? {
        try Double.fetchOne(db, sql: """
            SELECT MIN(d) FROM (
                SELECT MIN(due_at) AS d FROM servers
                UNION ALL SELECT MIN(due_at) FROM instances
                UNION ALL SELECT MIN(due_at) FROM backups)
            """)
    }
}
