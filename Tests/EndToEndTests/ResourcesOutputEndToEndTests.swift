import Foundation
import Testing

/// Every output format of list and get, read back with independent parsers; `--fields`,
/// `--no-headers`, `-q`; and paging (`--all`, `--limit`, the first page by default).
@Suite("Resources output end to end")
struct ResourcesOutputEndToEndTests {
    static let serverKeys: Set<String> = ["id", "name", "region", "plan", "status", "ipv4", "labels", "created_at", "updated_at"]

    /// Three servers, one with labels that need CSV quoting. The IDs are in list order
    /// (oldest first, the ID breaking ties within a second), and so are the names.
    static func world() throws -> (ResourceWorld, [String], names: [String]) {
        let world = try ResourceWorld()
        let created = [
            try world.createServer("web-1", region: "eu-central", extra: ["--label", "env=prod", "--label", "note=a,b \"c\"", "--wait"]),
            try world.createServer("web-2", region: "us-east", extra: ["--wait"]),
            try world.createServer("db-1", region: "ap-southeast", plan: "performance-8", extra: ["--wait"]),
        ]
        let listed = try world.array(["servers", "list"])
        let ids = listed.compactMap { $0["id"] as? String }
        guard Set(ids) == Set(created) else { throw WorldError.setup("listed \(ids), created \(created)") }
        return (world, ids, listed.compactMap { $0["name"] as? String })
    }

    @Test("list as JSON, NDJSON, CSV, YAML and table")
    func listFormats() throws {
        let (world, ids, names) = try Self.world()

        let json = try world.array(["servers", "list"])
        #expect(json.compactMap { $0["id"] as? String } == ids)
        for item in json { #expect(Set(item.keys) == Self.serverKeys) }
        let web1 = try #require(json.first { $0["name"] as? String == "web-1" })
        #expect((web1["labels"] as? [String: String]) == ["env": "prod", "note": "a,b \"c\""])

        let ndjson = try parseNDJSON(try world.ok(["servers", "list", "-o", "ndjson"]).stdout)
        #expect(ndjson.compactMap { $0["id"] as? String } == ids)
        #expect(ndjson.allSatisfy { Set($0.keys) == Self.serverKeys })

        let csv = parseCSV(try world.ok(["servers", "list", "-o", "csv"]).stdout)
        #expect(csv.count == 4)
        #expect(csv[0] == ["id", "name", "status", "region", "plan", "ipv4", "created_at"])
        #expect(csv.dropFirst().map { $0[0] } == ids)
        #expect(csv.dropFirst().map { $0[1] } == names)
        #expect(csv.dropFirst().allSatisfy { $0[2] == "active" })
        #expect(csv.allSatisfy { $0.count == 7 })

        let csvLabels = parseCSV(try world.ok(["servers", "list", "-o", "csv", "--fields", "name,labels"]).stdout)
        #expect(csvLabels[0] == ["name", "labels"])
        #expect(csvLabels.contains(["web-1", "env=prod;note=a,b \"c\""]))
        #expect(csvLabels.contains(["web-2", ""]))
        #expect(csvLabels.count == 4)

        let yaml = parseYAMLList(try world.ok(["servers", "list", "-o", "yaml"]).stdout)
        #expect(yaml.count == 3)
        #expect(yaml.compactMap { $0["id"] } == ids)
        #expect(yaml.first { $0["name"] == "db-1" }?["plan"] == "performance-8")
        #expect(yaml.first { $0["name"] == "web-2" }?["region"] == "us-east")

        let table = try world.ok(["servers", "list"]).stdout.split(separator: "\n").map(String.init)
        #expect(table.count == 4)
        let header = table[0].split(separator: " ").map(String.init)
        #expect(header == ["ID", "NAME", "STATUS", "REGION", "PLAN", "IPV4", "CREATED"], "piped: RFC 3339 under CREATED")
        for (line, (id, name)) in zip(table.dropFirst(), zip(ids, names)) {
            let cells = line.split(separator: " ").map(String.init)
            #expect(cells.count == 7, "\(line)")
            #expect(cells[0] == id)
            #expect(cells[1] == name)
            #expect(cells[2] == "active")
        }
        #expect(!table.joined().contains("\u{1B}["), "no colour when piped")
    }

    @Test("get as JSON, NDJSON, CSV, YAML and table")
    func getFormats() throws {
        let (world, ids, names) = try Self.world()
        let web1 = ids[try #require(names.firstIndex(of: "web-1"))]
        let json = try world.object(["servers", "get", "web-1"])
        #expect(Set(json.keys) == Self.serverKeys)
        #expect(json["id"] as? String == web1)

        let ndjson = try world.ok(["servers", "get", web1, "-o", "ndjson"]).stdout
        #expect(ndjson.split(separator: "\n").count == 1)
        #expect(try parseNDJSON(ndjson).first?["name"] as? String == "web-1")

        let csv = parseCSV(try world.ok(["servers", "get", "web-1", "-o", "csv"]).stdout)
        #expect(csv.count == 2)
        #expect(Set(csv[0]) == Self.serverKeys)
        let row = Dictionary(uniqueKeysWithValues: zip(csv[0], csv[1]))
        #expect(row["id"] == web1)
        #expect(row["labels"] == "env=prod;note=a,b \"c\"")

        let yaml = parseYAMLMapping(try world.ok(["servers", "get", "web-1", "-o", "yaml"]).stdout)
        #expect(yaml["id"] == web1)
        #expect(yaml["region"] == "eu-central")
        #expect(yaml["labels"] == "")
        let yamlText = try world.ok(["servers", "get", "web-1", "-o", "yaml"]).stdout
        #expect(yamlText.contains("\n  env: prod\n"))

        let table = try world.ok(["servers", "get", "db-1"]).stdout
        #expect(table.contains("plan:"))
        #expect(table.contains("performance-8"))
        #expect(table.contains("id:"))
    }

    @Test("--fields picks and orders keys (paths too); unknown fields list the valid ones")
    func fields() throws {
        let (world, ids, names) = try Self.world()
        let picked = try world.array(["servers", "list", "--fields", "name,labels.env,id"])
        #expect(picked.count == 3)
        #expect(picked.allSatisfy { Set($0.keys) == ["name", "labels.env", "id"] })
        #expect(picked.first { $0["name"] as? String == "web-1" }?["labels.env"] as? String == "prod")
        #expect(picked.first { $0["name"] as? String == "db-1" }?["labels.env"] is NSNull)

        let ndjsonOrder = try world.ok(["servers", "list", "-o", "ndjson", "--fields", "name,id"]).stdout
        #expect(ndjsonOrder.hasPrefix("{\"name\":\"\(names[0])\",\"id\":\"\(ids[0])\"}"))

        let table = try world.ok(["servers", "list", "--fields", "name,updated_at"]).stdout.split(separator: "\n")
        #expect(table[0].split(separator: " ") == ["NAME", "UPDATED_AT"])
        #expect(table.dropFirst().map { String($0.split(separator: " ")[0]) } == names)

        let get = try world.object(["servers", "get", "web-1", "--fields", "id,plan"])
        #expect(get.count == 2)
        #expect(get["plan"] as? String == "basic-1")

        let unknown = try world.user.nsx(["servers", "get", "web-1", "--fields", "id,size"])
        #expect(unknown.status == 2, "\(unknown)")
        #expect(unknown.stderr.contains("\"size\""))
        #expect(unknown.stderr.contains("id, name, region, plan, status, ipv4, labels, created_at, updated_at"))

        let instances = try world.user.nsx(["instances", "list", "--fields", "ipv4"])
        #expect(instances.status == 2, "\(instances)")
        #expect(instances.stderr.contains("server_id"))
        let backups = try world.user.nsx(["backups", "list", "--fields", "size_bytes,completed_at,instance_id"])
        #expect(backups.status == 0, "\(backups)")
    }

    @Test("--no-headers for table and CSV; -q prints IDs only, for xargs")
    func headersAndQuiet() throws {
        let (world, ids, names) = try Self.world()
        let table = try world.ok(["servers", "list", "--no-headers"]).stdout.split(separator: "\n")
        #expect(table.count == 3)
        #expect(table.map { String($0.split(separator: " ")[0]) } == ids)

        let csv = parseCSV(try world.ok(["servers", "list", "-o", "csv", "--no-headers"]).stdout)
        #expect(csv.map { $0[0] } == ids)

        let quiet = try world.ok(["servers", "list", "-q"]).stdout
        #expect(quiet == ids.joined(separator: "\n") + "\n")
        let quietJSON = try world.ok(["servers", "list", "-q", "-o", "json"]).stdout
        #expect(quietJSON == quiet)
        let quietGet = try world.ok(["servers", "get", "db-1", "-q"]).stdout
        #expect(quietGet == ids[try #require(names.firstIndex(of: "db-1"))] + "\n")
        let quietCreate = try world.ok(["servers", "create", "--name", "web-9", "--region", "us-west", "--plan", "basic-1", "-q"])
        #expect(quietCreate.stdout.hasPrefix("srv_"))
        #expect(quietCreate.stdout.split(separator: "\n").count == 1)
        #expect(quietCreate.stderr.isEmpty, "\(quietCreate)")
    }

    @Test("--all over 250 servers returns exactly 250 unique IDs; --limit 30 returns 30; the default is one page")
    func paging() throws {
        let world = try ResourceWorld()
        try world.seedServers(250, prefix: "node")

        let all = try world.ok(["servers", "list", "--all", "-q"]).stdout.split(separator: "\n")
        #expect(all.count == 250)
        #expect(Set(all).count == 250)
        #expect(all.allSatisfy { $0.hasPrefix("srv_") })

        let ndjson = try parseNDJSON(try world.ok(["servers", "list", "--all", "-o", "ndjson"]).stdout)
        #expect(ndjson.count == 250)
        #expect(Set(ndjson.compactMap { $0["id"] as? String }).count == 250)

        let json = try world.array(["servers", "list", "--all"])
        #expect(json.count == 250)

        let csv = parseCSV(try world.ok(["servers", "list", "--all", "-o", "csv"]).stdout)
        #expect(csv.count == 251)

        let limited = try world.array(["servers", "list", "--limit", "30"])
        #expect(limited.count == 30)
        #expect(limited.compactMap { $0["id"] as? String } == json.prefix(30).compactMap { $0["id"] as? String })
        #expect(try world.array(["servers", "list", "--limit", "150"]).count == 150)

        let firstPage = try world.ok(["servers", "list"])
        #expect(firstPage.stdout.split(separator: "\n").count == 21)
        #expect(!firstPage.stderr.contains("Showing"), "the note is for terminals")

        let onTerminal = try world.user.onTerminal(["servers", "list"], columns: 200)
        #expect(onTerminal.status == 0, "\(onTerminal)")
        #expect(onTerminal.text.contains("Showing the first 20 servers; more exist (use --all, or a larger --limit)"))
        #expect(onTerminal.output.contains("\u{1B}[32mactive\u{1B}[0m"), "statuses coloured on a terminal")
    }

    @Test("Lists stream: the first page is out before a later page is fetched")
    func streaming() throws {
        let world = try ResourceWorld()
        try world.seedServers(250, prefix: "node")
        // The first page passes untouched (a rule with nothing to do); the second fails with a 500.
        try world.server.injectFault(#"{"count":1,"delay_ms":0,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        try world.server.injectFault(#"{"count":1,"status":500,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let broken = try world.user.nsx(["servers", "list", "--all", "-o", "ndjson"])
        #expect(broken.status == 1, "\(broken)")
        let rows = try parseNDJSON(broken.stdout)
        #expect(rows.count == 100, "the whole first page was written before the second was asked for")

        try world.server.injectFault(#"{"count":1,"delay_ms":0,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        try world.server.injectFault(#"{"count":1,"status":500,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let csv = try world.user.nsx(["servers", "list", "--all", "-o", "csv"])
        #expect(csv.status == 1, "\(csv)")
        #expect(parseCSV(csv.stdout).count == 101)
    }

    @Test("instances and backups lists have their own default columns")
    func otherColumns() throws {
        let world = try ResourceWorld()
        let server = try world.createServer("web-1")
        let instance = try world.createInstance("app-1", server: server)
        let backup = try world.object(["backups", "create", "--instance", instance, "--wait"])

        let instances = try world.ok(["instances", "list"]).stdout.split(separator: "\n")
        #expect(instances[0].split(separator: " ") == ["ID", "NAME", "SERVER", "IMAGE", "STATUS", "CREATED"])
        #expect(instances[1].split(separator: " ").prefix(5) == [Substring(instance), "app-1", Substring(server), "ubuntu-24.04", "stopped"])

        let backups = try world.ok(["backups", "list"]).stdout.split(separator: "\n")
        #expect(backups[0].split(separator: " ") == ["ID", "NAME", "INSTANCE", "STATUS", "SIZE", "CREATED"])
        let cells = backups[1].split(separator: " ")
        #expect(cells[0] == Substring(try #require(backup["id"] as? String)))
        #expect(cells[2] == Substring(instance))
        #expect(cells[3] == "completed")
        #expect(Int(cells[4]) != nil, "size in bytes when piped")

        let backupCSV = parseCSV(try world.ok(["backups", "get", try #require(backup["id"] as? String), "-o", "csv"]).stdout)
        #expect(backupCSV[0] == ["id", "instance_id", "name", "status", "size_bytes", "created_at", "completed_at"])
    }

    @Test("settings get and set: dotted keys, booleans, clearing with an empty value, read-only and unknown keys")
    func settings() throws {
        let world = try ResourceWorld()
        let before = try world.object(["settings", "get"])
        #expect(before["email"] as? String == TestServer.email)

        let after = try world.object(["settings", "set", "timezone=Europe/Berlin", "notifications.email=false",
                                      "notifications.webhook_url=https://hooks.example.com/nsx", "default_region=us-west"])
        #expect(after["timezone"] as? String == "Europe/Berlin")
        #expect(after["default_region"] as? String == "us-west")
        let notifications = try #require(after["notifications"] as? [String: Any])
        #expect(notifications["email"] as? Bool == false)
        #expect(notifications["webhook_url"] as? String == "https://hooks.example.com/nsx")

        let cleared = try world.object(["settings", "set", "notifications.webhook_url=", "name=Renamed"])
        let clearedNotifications = try #require(cleared["notifications"] as? [String: Any])
        #expect(clearedNotifications["webhook_url"] is NSNull)
        #expect(clearedNotifications["email"] as? Bool == false)
        #expect(cleared["name"] as? String == "Renamed")
        #expect(cleared["timezone"] as? String == "Europe/Berlin")

        let email = try world.user.nsx(["settings", "set", "email=new@example.com"])
        #expect(email.status == 2, "\(email)")
        #expect(email.stderr.contains("read-only"))
        let typo = try world.user.nsx(["settings", "set", "timezon=UTC"])
        #expect(typo.status == 2, "\(typo)")
        #expect(typo.stderr.contains("Did you mean \"timezone\""))
        let notBool = try world.user.nsx(["settings", "set", "notifications.email=maybe"])
        #expect(notBool.status == 2, "\(notBool)")
        let invalid = try world.user.nsx(["settings", "set", "timezone=Not/AZone"])
        #expect(invalid.status == 2, "\(invalid)")
        #expect(invalid.stderr.contains("timezone"))

        let table = try world.ok(["settings", "get"]).stdout
        #expect(table.contains("notifications:"))
        #expect(table.contains("email:"))
        let yaml = try world.ok(["settings", "get", "-o", "yaml"]).stdout
        #expect(yaml.contains("notifications:\n  email: false\n  webhook_url: null\n"))
        let fields = try world.object(["settings", "get", "--fields", "timezone,notifications.email"])
        #expect(fields.count == 2)
        #expect(fields["notifications.email"] as? Bool == false)
    }
}
