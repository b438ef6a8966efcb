import Foundation
import GRDB

/// Where the server keeps its data.
public enum StorageLocation: Sendable, Equatable {
    /// A SQLite file (WAL, synchronous commits) in a private data folder, created when missing.
    case file(String)
    /// A private in-memory database that vanishes with the process.
    case memory
}

/// The SQLite database: a `DatabasePool` on a file, or a `DatabaseQueue` in memory.
/// Both are GRDB `DatabaseWriter`s, so every table type below runs on either.
public final class Store: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating when missing) the database at `location`. A file database lives in a
    /// `DataFolder`: its files are made private before SQLite opens them, and start-up stops
    /// with a `StartupError` if one of them is readable by others.
    public init(location: StorageLocation) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // An acknowledged write must survive a crash of the process or the machine.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        switch location {
        case .file(let path):
            let folder = try DataFolder(databasePath: path)
            try folder.prepareDatabase(named: (path as NSString).lastPathComponent)
            writer = try DatabasePool(path: path, configuration: configuration)
        case .memory:
            writer = try DatabaseQueue(configuration: configuration)
        }
        let earlier = try writer.read { db in try Migrations.migrator.appliedIdentifiers(db) }
        try Migrations.migrator.migrate(writer)
        if !earlier.isEmpty, !earlier.contains(Migrations.removesPlaintextReplays) {
            try scrubFreedPages()
        }
    }

    /// Rewrites the file without its free pages and empties the WAL, so content an earlier
    /// release deleted (plaintext replays) is gone from the disk, not just unlinked.
    private func scrubFreedPages() throws {
        guard let pool = writer as? DatabasePool else { return }
        try pool.vacuum()
        try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Runs `body` in one read transaction, on the calling thread: a SQLite read takes
    /// microseconds, less than the hop to GRDB's dispatch queue that the async variant makes.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try readNow(body)
    }

    /// The read transaction is begun and ended here, with statements prepared once per
    /// connection: GRDB's own isolation compiles `BEGIN` and `COMMIT` for every read, which
    /// was a twentieth of an authenticated GET (docs/BENCHMARKS.md). Same isolation: every
    /// statement of `body` sees one snapshot of the database.
    private func readNow<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.unsafeRead { db in
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            let value: T
            do {
                value = try body(db)
            } catch {
                if db.isInsideTransaction { try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute() }
                throw error
            }
            try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            return value
        }
    }

    /// Runs `body` in one write transaction: all of it is committed, or none of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.write(body)
    }

    /// Synchronous write, for start-up work before the server listens.
    func writeNow<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.write(body)
    }
}
