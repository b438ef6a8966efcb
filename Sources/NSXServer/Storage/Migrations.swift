import GRDB

enum Migrations {
    /// The migration after which no plaintext replay is left in the database.
    static let removesPlaintextReplays = "v2-idempotency-per-credential"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    name TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    timezone TEXT NOT NULL DEFAULT 'UTC',
                    default_region TEXT NOT NULL DEFAULT 'us-east',
                    notify_email INTEGER NOT NULL DEFAULT 1,
                    webhook_url TEXT
                );
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE TABLE tokens (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    name TEXT NOT NULL,
                    environment TEXT NOT NULL,
                    permissions TEXT NOT NULL,
                    secret_hash TEXT NOT NULL UNIQUE,
                    prefix TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_used_at INTEGER,
                    expires_at INTEGER,
                    revoked_at INTEGER
                );
                CREATE INDEX tokens_by_user ON tokens(user_id, created_at, id);
                CREATE TABLE servers (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    environment TEXT NOT NULL,
                    name TEXT NOT NULL,
                    region TEXT NOT NULL,
                    plan TEXT NOT NULL,
                    status TEXT NOT NULL,
                    ipv4 TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    next_status TEXT,
                    due_at REAL,
                    UNIQUE (user_id, environment, name)
                );
                CREATE INDEX servers_by_scope ON servers(user_id, environment, created_at, id);
                CREATE INDEX servers_due ON servers(due_at) WHERE due_at IS NOT NULL;
                CREATE TABLE instances (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    environment TEXT NOT NULL,
                    name TEXT NOT NULL,
                    server_id TEXT NOT NULL REFERENCES servers(id),
                    image TEXT NOT NULL,
                    status TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    next_status TEXT,
                    due_at REAL,
                    UNIQUE (user_id, environment, name)
                );
                CREATE INDEX instances_by_scope ON instances(user_id, environment, created_at, id);
                CREATE INDEX instances_by_server ON instances(server_id);
                CREATE INDEX instances_due ON instances(due_at) WHERE due_at IS NOT NULL;
                CREATE TABLE backups (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    environment TEXT NOT NULL,
                    instance_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    size_bytes INTEGER NOT NULL,
                    final_size_bytes INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    completed_at INTEGER,
                    next_status TEXT,
                    due_at REAL
                );
                CREATE INDEX backups_by_scope ON backups(user_id, environment, created_at, id);
                CREATE INDEX backups_by_instance ON backups(instance_id);
                CREATE INDEX backups_due ON backups(due_at) WHERE due_at IS NOT NULL;
                CREATE TABLE idempotency_keys (
                    user_id TEXT NOT NULL,
                    environment TEXT NOT NULL,
                    key TEXT NOT NULL,
                    method TEXT NOT NULL,
                    path TEXT NOT NULL,
                    body_hash TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (user_id, environment, key)
                );
                """)
        }
        // Idempotency records belong to one credential (token or session) and keep their
        // response sealed (ReplaySeal). The old table kept bodies, token secrets included, in
        // plaintext: it goes, and Store vacuums the file so none of it stays on disk.
        migrator.registerMigration(removesPlaintextReplays) { db in
            try db.execute(sql: """
                DROP TABLE idempotency_keys;
                CREATE TABLE idempotency_records (
                    credential_id TEXT NOT NULL,
                    environment TEXT NOT NULL,
                    key_digest BLOB NOT NULL,
                    method TEXT NOT NULL,
                    path TEXT NOT NULL,
                    body_hash BLOB NOT NULL,
                    status INTEGER NOT NULL,
                    sealed_body BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (credential_id, environment, key_digest)
                ) WITHOUT ROWID;
                CREATE INDEX idempotency_records_by_age ON idempotency_records(created_at);
                """)
        }
        // Lists follow `seq`: one counter, bumped by a trigger as each row is inserted, so
        // the order is exactly creation order (ids are random and seconds are coarse).
        // Existing rows are numbered in the order earlier releases listed them.
        migrator.registerMigration("v3-creation-sequence") { db in
            try db.execute(sql: "CREATE TABLE creation_sequence (value INTEGER NOT NULL); INSERT INTO creation_sequence VALUES (0);")
            let tables = [("tokens", "user_id"), ("servers", "user_id, environment"),
                          ("instances", "user_id, environment"), ("backups", "user_id, environment")]
            for (table, scope) in tables {
                try db.execute(sql: """
                    ALTER TABLE \(table) ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
                    UPDATE \(table) SET seq = numbered.n + (SELECT value FROM creation_sequence)
                        FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS n FROM \(table)) AS numbered
                        WHERE \(table).id = numbered.id;
                    UPDATE creation_sequence SET value = value + (SELECT COUNT(*) FROM \(table));
                    CREATE INDEX \(table)_in_order ON \(table)(\(scope), seq);
                    CREATE TRIGGER \(table)_sequence AFTER INSERT ON \(table) BEGIN
                        UPDATE creation_sequence SET value = value + 1;
                        UPDATE \(table) SET seq = (SELECT value FROM creation_sequence) WHERE rowid = NEW.rowid;
                    END;
                    """)
            }
            try db.execute(sql: """
                DROP INDEX tokens_by_user;
                DROP INDEX servers_by_scope;
                DROP INDEX instances_by_scope;
                DROP INDEX backups_by_scope;
                """)
        }
        return migrator
    }
}
