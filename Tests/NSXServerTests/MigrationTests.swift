import Foundation
import GRDB
import Testing
@testable import NSXServer

/// A database written by an earlier release: opening it with this one removes the plaintext
/// replays it kept and gives its rows an exact creation order, without losing any.
@Suite struct MigrationTests {
    static let oldSecret = "nsx_live_" + String(repeating: "Q", count: 16) + String(repeating: "7", count: 16)

    @Test func anOldDatabaseLosesItsPlaintextReplaysAndKeepsItsRows() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-migrate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nsx.sqlite"
        // Rows in (created_at, id) order, as the earlier release listed them.
        let rows = [(100, "srv_zzzzzzzzzzzz"), (200, "srv_aaaaaaaaaaaa"), (200, "srv_mmmmmmmmmmmm"), (300, "srv_bbbbbbbbbbbb")]
        try Self.writeEarlierReleaseDatabase(at: path, servers: rows)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder + "/" + file)
        }
        #expect(try Self.bytes(inFolder: folder).contains(Array(Self.oldSecret.utf8)), "the old release kept it in plaintext")

        let store = try Store(location: .file(path))
        let scope = Scope(userID: "usr_migrated0001", environment: .live)
        let listed = try await store.read { db in
            try ServersTable(db: db, scope: scope).list(filters: [:], page: PageRequest(limit: 100, after: nil)).items.map(\.id)
        }
        #expect(listed == rows.map(\.1))
        let (firstPage, next) = try await store.read { db in
            let page = try ServersTable(db: db, scope: scope).list(filters: [:], page: PageRequest(limit: 2, after: nil))
            return (page.items.map(\.id), page.nextCursor)
        }
        let cursor = try #require(next)
        let rest = try await store.read { db in
            try ServersTable(db: db, scope: scope).list(filters: [:], page: PageRequest(limit: 100, after: cursor)).items.map(\.id)
        }
        #expect(firstPage + rest == rows.map(\.1))
        #expect(!(try Self.bytes(inFolder: folder).contains(Array(Self.oldSecret.utf8))), "the plaintext replay is gone from every file")
    }

    private static func writeEarlierReleaseDatabase(at path: String, servers: [(Int, String)]) throws {
        let pool = try DatabasePool(path: path)
        try Migrations.migrator.migrate(pool, upTo: "v1")
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('usr_migrated0001', 'old@example.com', 'Old', 'x', 1)
                """)
            for (createdAt, id) in servers {
                try db.execute(sql: """
                    INSERT INTO servers (id, user_id, environment, name, region, plan, status, ipv4, labels, created_at, updated_at)
                    VALUES (?, 'usr_migrated0001', 'live', ?, 'us-east', 'basic-1', 'active', '192.0.2.1', '{}', ?, ?)
                    """, arguments: [id, "name-\(id.suffix(4))", createdAt, createdAt])
            }
            let body = #"{"success":true,"data":{"id":"tok_old","token":"\#(oldSecret)"}}"#
            try db.execute(sql: """
                INSERT INTO idempotency_keys (user_id, environment, key, method, path, body_hash, status, body, created_at)
                VALUES ('usr_migrated0001', 'live', 'old-key', 'POST', '/api/v1/tokens', 'h', 201, ?, ?)
                """, arguments: [Data(body.utf8), Int(Date().timeIntervalSince1970)])
        }
    }

    private static func bytes(inFolder folder: String) throws -> [UInt8] {
        try DataFolderTests.allBytes(inFolder: folder)
    }
}
