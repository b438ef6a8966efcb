import Foundation
import GRDB
import Testing
@testable import NSXServer

/// Tables read their rows by position from an explicit column list (`Columns`). Each record
/// here has a different value in every field of a type, optional fields both set and unset,
/// so a column list out of step with its decoder cannot round-trip unnoticed: by id, by
/// name, through a list page (where `seq` follows the columns) and across a page boundary.
@Suite struct TableRoundTripTests {
    static let scope = Scope(userID: "usr_roundtrip001", environment: .test)

    static func store() async throws -> Store {
        let store = try Store(location: .memory)
        try await store.write { db in
            try UsersTable(db: db).insert(user)
            try UsersTable(db: db).insert(otherUser)
        }
        return store
    }

    static let user = User(id: "usr_roundtrip001", email: "a@example.com", name: "Ann", passwordHash: "hash-a",
                           createdAt: 11, timezone: "Europe/Oslo", defaultRegion: "eu-central", notifyByEmail: false,
                           webhookURL: "https://hooks.example.com/a")
    static let otherUser = User(id: "usr_roundtrip002", email: "b@example.com", name: "Bob", passwordHash: "hash-b",
                                createdAt: 12, timezone: "UTC", defaultRegion: "us-west", notifyByEmail: true, webhookURL: nil)

    @Test func usersAndSessions() async throws {
        let store = try await Self.store()
        let session = Session(id: "ses_roundtrip001", userID: Self.user.id, createdAt: 21, expiresAt: 22, revokedAt: 23)
        let open = Session(id: "ses_roundtrip002", userID: Self.user.id, createdAt: 31, expiresAt: 32, revokedAt: nil)
        try await store.write { db in
            try UsersTable(db: db).insertSession(session)
            try UsersTable(db: db).insertSession(open)
        }
        let table = { @Sendable (db: Database) in UsersTable(db: db) }
        #expect(try await store.read { try table($0).find(id: Self.user.id) } == Self.user)
        #expect(try await store.read { try table($0).find(email: Self.otherUser.email) } == Self.otherUser)
        #expect(try await store.read { try table($0).find(id: "usr_nobody000000") } == nil)
        #expect(try await store.read { try table($0).findSession(id: session.id) } == session)
        #expect(try await store.read { try table($0).findSession(id: open.id) } == open)
    }

    @Test func tokens() async throws {
        let store = try await Self.store()
        let used = APIToken(id: "tok_roundtrip001", userID: Self.user.id, name: "deploy", environment: .test,
                            permissions: [.serversRead, .instancesWrite], secretHash: "hash-1", prefix: "nsx_test_ab",
                            createdAt: 41, lastUsedAt: 42, expiresAt: 43, revokedAt: 44)
        let fresh = APIToken(id: "tok_roundtrip002", userID: Self.user.id, name: "ci", environment: .live,
                             permissions: [.backupsRead], secretHash: "hash-2", prefix: "nsx_live_cd",
                             createdAt: 51, lastUsedAt: nil, expiresAt: nil, revokedAt: nil)
        try await store.write { db in
            try TokensTable(db: db).insert(used)
            try TokensTable(db: db).insert(fresh)
        }
        let table = { @Sendable (db: Database) in TokensTable(db: db) }
        #expect(try await store.read { try table($0).find(secretHash: "hash-1") } == used)
        #expect(try await store.read { try table($0).find(id: fresh.id, userID: Self.user.id) } == fresh)
        #expect(try await store.read { try table($0).find(id: fresh.id, userID: Self.otherUser.id) } == nil)
        let page = { @Sendable (after: NSXServer.Cursor?, limit: Int) in
            try await store.read { db in
                let page = try table(db).list(userID: Self.user.id, environment: nil, includeRevoked: true, name: nil,
                                              page: PageRequest(limit: limit, after: after))
                return (page.items, page.nextCursor)
            }
        }
        let (first, next) = try await page(nil, 1)
        #expect(first == [used])
        let (rest, end) = try await page(try #require(next), 5)
        #expect(rest == [fresh])
        #expect(end == nil)
    }

    @Test func serversInstancesAndBackups() async throws {
        let store = try await Self.store()
        let server = Server(id: "srv_roundtrip001", scope: Self.scope, name: "web-1", region: "ap-southeast",
                            plan: "performance-4", status: "provisioning", ipv4: "203.0.113.7",
                            labels: ["team": "core", "tier": "gold"], createdAt: 61, updatedAt: 62,
                            nextStatus: "active", dueAt: 63.5)
        let resting = Server(id: "srv_roundtrip002", scope: Self.scope, name: "db-1", region: "us-east",
                             plan: "basic-1", status: "active", ipv4: "198.51.100.9", labels: [:],
                             createdAt: 71, updatedAt: 72, nextStatus: nil, dueAt: nil)
        let instance = Instance(id: "ins_roundtrip001", scope: Self.scope, name: "app-1", serverID: server.id,
                                image: "debian-12", status: "starting", createdAt: 81, updatedAt: 82,
                                nextStatus: "running", dueAt: 83.25)
        let backup = Backup(id: "bkp_roundtrip001", scope: Self.scope, instanceID: instance.id, name: "nightly",
                            status: "pending", sizeBytes: 91, finalSizeBytes: 92, createdAt: 93, completedAt: 94,
                            nextStatus: "completed", dueAt: 95.75)
        let done = Backup(id: "bkp_roundtrip002", scope: Self.scope, instanceID: instance.id, name: "weekly",
                          status: "completed", sizeBytes: 101, finalSizeBytes: 102, createdAt: 103, completedAt: nil,
                          nextStatus: nil, dueAt: nil)
        try await store.write { db in
            try ServersTable(db: db, scope: Self.scope).save(server)
            try ServersTable(db: db, scope: Self.scope).save(resting)
            try InstancesTable(db: db, scope: Self.scope).save(instance)
            try BackupsTable(db: db, scope: Self.scope).save(backup)
            try BackupsTable(db: db, scope: Self.scope).save(done)
        }
        let scope = Self.scope
        let servers = { @Sendable (db: Database) in ServersTable(db: db, scope: scope) }
        #expect(try await store.read { try servers($0).find(id: server.id) } == server)
        #expect(try await store.read { try servers($0).find(name: "db-1") } == resting)
        let elsewhere = Scope(userID: Self.user.id, environment: .live)
        #expect(try await store.read { try ServersTable(db: $0, scope: elsewhere).find(id: server.id) } == nil)
        let serverPages = try await store.read { db in
            let first = try servers(db).list(filters: [:], page: PageRequest(limit: 1, after: nil))
            let rest = try first.nextCursor.map { try servers(db).list(filters: [:], page: PageRequest(limit: 5, after: $0)) }
            return (first.items, rest?.items)
        }
        #expect(serverPages.0 + (serverPages.1 ?? []) == [server, resting])

        let instances = { @Sendable (db: Database) in InstancesTable(db: db, scope: scope) }
        #expect(try await store.read { try instances($0).find(id: instance.id) } == instance)
        #expect(try await store.read { try instances($0).find(name: "app-1") } == instance)
        let byServer = try await store.read { db in
            try instances(db).list(filters: ["server_id": server.id], page: PageRequest(limit: 5, after: nil)).items
        }
        #expect(byServer == [instance])

        let backups = { @Sendable (db: Database) in BackupsTable(db: db, scope: scope) }
        #expect(try await store.read { try backups($0).find(id: backup.id) } == backup)
        #expect(try await store.read { try backups($0).find(name: "weekly") } == done)
        let backupPages = try await store.read { db in
            let first = try backups(db).list(filters: [:], page: PageRequest(limit: 1, after: nil))
            let rest = try first.nextCursor.map { try backups(db).list(filters: [:], page: PageRequest(limit: 5, after: $0)) }
            return (first.items, rest?.items)
        }
        #expect(backupPages.0 + (backupPages.1 ?? []) == [backup, done])
    }

    /// A read transaction sees one snapshot: a write committed between two of its statements
    /// is not seen by the second.
    @Test func aReadSeesOneSnapshot() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store(location: .file(folder + "/nsx.sqlite"))
        try await store.write { db in try UsersTable(db: db).insert(Self.user) }
        let (before, after) = try await store.read { db in
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? -1
            try store.writeNow { db in try UsersTable(db: db).insert(Self.otherUser) }
            let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? -1
            return (before, after)
        }
        #expect(before == 1 && after == 1)
        #expect(try await store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") } == 2)
    }
}
