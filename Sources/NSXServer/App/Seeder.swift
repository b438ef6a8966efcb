import GRDB

/// Start-up accounts: `--user` test accounts and the `--demo` data set. Running it again
/// changes nothing that is already there.
enum Seeder {
    static let demoEmail = "demo@example.com"
    static let demoPassword = "demo-password"

    static func seed(users: [SeedUser], demo: Bool, store: Store, hasher: PasswordHasher, now: Int) throws {
        for user in users {
            try store.writeNow { db in try upsert(user, db: db, hasher: hasher, now: now) }
        }
        if demo {
            try store.writeNow { db in try seedDemo(db: db, hasher: hasher, now: now) }
        }
    }

    /// Creates the account, or resets its password and name to the ones given.
    private static func upsert(_ seed: SeedUser, db: Database, hasher: PasswordHasher, now: Int) throws {
        let users = UsersTable(db: db)
        if var user = try users.find(email: seed.email) {
            user.passwordHash = try hasher.hash(seed.password)
            user.name = seed.name
            try users.update(user)
        } else {
            try users.insert(newUser(email: seed.email, name: seed.name, passwordHash: try hasher.hash(seed.password), now: now))
        }
    }

    private static func newUser(email: String, name: String, passwordHash: String, now: Int) -> User {
        User(id: Identifier.user.make(), email: email, name: name, passwordHash: passwordHash, createdAt: now,
             timezone: "UTC", defaultRegion: "us-east", notifyByEmail: true, webhookURL: nil)
    }

    private struct DemoServer {
        let name: String, region: String, plan: String, labels: [String: String]
        let instance: String, image: String, status: String, backup: String?
    }

    private static let demoData: [APIEnvironment: [DemoServer]] = [
        .live: [
            DemoServer(name: "web-1", region: "us-east", plan: "standard-2", labels: ["role": "web", "team": "frontend"],
                       instance: "web-1-app", image: "nginx:1.25", status: "running", backup: "web-1-app-nightly"),
            DemoServer(name: "db-1", region: "eu-central", plan: "performance-4", labels: ["role": "db"],
                       instance: "db-1-postgres", image: "postgres:16", status: "stopped", backup: "db-1-postgres-nightly"),
        ],
        .test: [
            DemoServer(name: "test-web-1", region: "us-west", plan: "basic-1", labels: ["role": "web"],
                       instance: "test-web-1-app", image: "node:20", status: "stopped", backup: "test-web-1-app-snapshot"),
        ],
    ]

    private static func seedDemo(db: Database, hasher: PasswordHasher, now: Int) throws {
        let users = UsersTable(db: db)
        let user: User
        if let existing = try users.find(email: demoEmail) {
            user = existing
        } else {
            user = newUser(email: demoEmail, name: "Demo User", passwordHash: try hasher.hash(demoPassword), now: now)
            try users.insert(user)
        }
        for environment in APIEnvironment.allCases {
            let scope = Scope(userID: user.id, environment: environment)
            for item in demoData[environment] ?? [] {
                let servers = ServersTable(db: db, scope: scope)
                var server = try servers.find(name: item.name)
                if server == nil {
                    server = Server(id: Identifier.server.make(), scope: scope, name: item.name, region: item.region, plan: item.plan,
                                    status: "active", ipv4: ServersController.makeAddress(), labels: item.labels,
                                    createdAt: now, updatedAt: now, nextStatus: nil, dueAt: nil)
                    try servers.save(server!)
                }
                let instances = InstancesTable(db: db, scope: scope)
                var instance = try instances.find(name: item.instance)
                if instance == nil, let server {
                    instance = Instance(id: Identifier.instance.make(), scope: scope, name: item.instance, serverID: server.id,
                                        image: item.image, status: item.status, createdAt: now, updatedAt: now, nextStatus: nil, dueAt: nil)
                    try instances.save(instance!)
                }
                let backups = BackupsTable(db: db, scope: scope)
                if let name = item.backup, let instance, try backups.find(name: name) == nil {
                    let size = 1_073_741_824 + name.utf8.count * 1_048_576
                    try backups.save(Backup(id: Identifier.backup.make(), scope: scope, instanceID: instance.id, name: name,
                                            status: "completed", sizeBytes: size, finalSizeBytes: size, createdAt: now,
                                            completedAt: now, nextStatus: nil, dueAt: nil))
                }
            }
        }
    }
}
