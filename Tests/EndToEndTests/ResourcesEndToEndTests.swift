import Foundation
import Testing

/// servers, instances and backups with the real nsx against a real nsx-server: the whole
/// lifecycle, names and IDs, updates, confirmations, several IDs at once, and exit codes.
@Suite("Resources end to end")
struct ResourcesEndToEndTests {
    @Test("A full lifecycle: server, instance, start, backup, restore, stop, deletes — by name and by ID")
    func lifecycle() throws {
        let world = try ResourceWorld()

        let server = try world.object(["servers", "create", "--name", "web-1", "--region", "eu-central",
                                       "--plan", "standard-2", "--label", "env=prod", "--wait"])
        #expect(server["status"] as? String == "active")
        #expect(server["name"] as? String == "web-1")
        #expect((server["labels"] as? [String: String]) == ["env": "prod"])
        let serverID = try #require(server["id"] as? String)
        #expect(serverID.hasPrefix("srv_"))

        // The server named, not its ID.
        let instance = try world.object(["instances", "create", "--name", "app-1", "--server", "web-1", "--image", "ubuntu-24.04"])
        #expect(instance["status"] as? String == "stopped")
        #expect(instance["server_id"] as? String == serverID)
        let instanceID = try #require(instance["id"] as? String)

        let started = try world.object(["instances", "start", "app-1", "--wait"])
        #expect(started["status"] as? String == "running")
        #expect(started["id"] as? String == instanceID)

        let backup = try world.object(["backups", "create", "--instance", "app-1", "--name", "nightly", "--wait"])
        #expect(backup["status"] as? String == "completed")
        #expect(backup["instance_id"] as? String == instanceID)
        #expect(backup["completed_at"] is String)
        let backupID = try #require(backup["id"] as? String)

        // Backups are found by name too.
        let restored = try world.object(["backups", "restore", "nightly", "--yes", "--wait"])
        #expect(restored["status"] as? String == "completed")
        #expect(restored["id"] as? String == backupID)
        let afterRestore = try world.object(["instances", "get", instanceID])
        #expect(afterRestore["status"] as? String == "running")

        let stopped = try world.object(["instances", "stop", instanceID, "--wait"])
        #expect(stopped["status"] as? String == "stopped")

        let deletedBackup = try world.object(["backups", "delete", backupID, "--yes"])
        #expect(deletedBackup["id"] as? String == backupID)
        #expect(deletedBackup["deleted"] as? Bool == true)
        let deletedInstance = try world.object(["instances", "delete", "app-1", "--yes"])
        #expect(deletedInstance["id"] as? String == instanceID)
        #expect(deletedInstance["deleted"] as? Bool == true)
        let deletedServer = try world.object(["servers", "delete", "web-1", "--yes"])
        #expect(deletedServer["id"] as? String == serverID)
        #expect(deletedServer["deleted"] as? Bool == true)

        let empty = try world.ok(["servers", "list"])
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr.contains("No servers found"))
        #expect(try world.array(["servers", "list"]).isEmpty)
    }

    @Test("Tables: success lines for actions, the object for get, and progress silent when piped")
    func tablesForPeople() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: "web-1")

        let start = try world.ok(["instances", "start", "app-1", "--wait"])
        #expect(start.stderr.contains("Started instance app-1 (ins_"))
        #expect(start.stderr.contains(": running"))
        #expect(start.stdout.isEmpty, "stdout carries data only")
        #expect(!start.stderr.contains("waiting for"), "no progress line when stderr is not a terminal")

        let get = try world.ok(["servers", "get", "web-1"])
        #expect(get.stdout.contains("name:"))
        #expect(get.stdout.contains("web-1"))
        #expect(get.stdout.contains("region:"))

        let create = try world.ok(["servers", "create", "--name", "web-2", "--region", "us-west", "--plan", "basic-1"])
        #expect(create.stderr.contains("Created server web-2 (srv_"))
        #expect(create.stdout.contains("provisioning") || create.stdout.contains("active"))
    }

    @Test("update sends labels as a JSON merge patch; bad label syntax and nothing to update are usage errors")
    func updateLabels() throws {
        let world = try ResourceWorld()
        let id = try world.createServer("web-1", extra: ["--label", "env=prod", "--label", "team=core"])

        let updated = try world.object(["servers", "update", "web-1", "--label", "env=staging", "--label", "tier=web",
                                        "--remove-label", "team"])
        #expect((updated["labels"] as? [String: String]) == ["env": "staging", "tier": "web"])

        let renamed = try world.object(["servers", "update", id, "--name", "web-one"])
        #expect(renamed["name"] as? String == "web-one")
        #expect((renamed["labels"] as? [String: String]) == ["env": "staging", "tier": "web"])

        let badLabel = try world.user.nsx(["servers", "update", "web-one", "--label", "novalue"])
        #expect(badLabel.status == 2, "\(badLabel)")
        #expect(badLabel.stderr.contains("invalid label \"novalue\""))

        let nothing = try world.user.nsx(["servers", "update", "web-one"])
        #expect(nothing.status == 2, "\(nothing)")
        #expect(nothing.stderr.contains("nothing to update"))

        let badCreate = try world.user.nsx(["servers", "create", "--name", "x", "--region", "us-east", "--plan", "basic-1", "--label", "=v"])
        #expect(badCreate.status == 2, "\(badCreate)")

        let instanceRename = try world.object(["instances", "update", try world.createInstance("app-1", server: id), "--name", "app-one"])
        #expect(instanceRename["name"] as? String == "app-one")
        let instanceNothing = try world.user.nsx(["instances", "update", "app-one"])
        #expect(instanceNothing.status == 2, "\(instanceNothing)")
    }

    @Test("Filters become query parameters; --server and --instance take names")
    func filters() throws {
        let world = try ResourceWorld()
        let eu = try world.createServer("eu-1", region: "eu-central")
        let us = try world.createServer("us-1", region: "us-east")
        _ = try world.createInstance("app-eu", server: eu)
        _ = try world.createInstance("app-us", server: "us-1")
        _ = try world.object(["backups", "create", "--instance", "app-us", "--wait"])

        let inEU = try world.array(["servers", "list", "--region", "eu-central"])
        #expect(inEU.compactMap { $0["id"] as? String } == [eu])
        let named = try world.array(["servers", "list", "--name", "us-1"])
        #expect(named.compactMap { $0["id"] as? String } == [us])
        let active = try world.array(["servers", "list", "--status", "active"])
        #expect(Set(active.compactMap { $0["id"] as? String }) == [eu, us])

        let onUS = try world.array(["instances", "list", "--server", "us-1"])
        #expect(onUS.compactMap { $0["name"] as? String } == ["app-us"])
        let byID = try world.array(["instances", "list", "--server", eu])
        #expect(byID.compactMap { $0["name"] as? String } == ["app-eu"])

        let backups = try world.array(["backups", "list", "--instance", "app-us", "--status", "completed"])
        #expect(backups.count == 1)
        #expect(try world.array(["backups", "list", "--instance", "app-eu"]).isEmpty)

        let badRegion = try world.user.nsx(["servers", "list", "--region", "mars"])
        #expect(badRegion.status == 2, "\(badRegion)")
        let unknownServer = try world.user.nsx(["instances", "list", "--server", "nope"])
        #expect(unknownServer.status == 5, "\(unknownServer)")
    }

    @Test("Unknown IDs and names are exit 5; an ambiguous name is exit 2 listing the candidates")
    func notFoundAndAmbiguous() throws {
        let world = try ResourceWorld()
        let unknownID = try world.user.nsx(["servers", "get", "srv_doesnotexist"])
        #expect(unknownID.status == 5, "\(unknownID)")
        #expect(unknownID.stderr.contains("Server not found: srv_doesnotexist"))

        let unknownName = try world.user.nsx(["servers", "get", "no-such-server"])
        #expect(unknownName.status == 5, "\(unknownName)")
        #expect(unknownName.stderr.contains("no server named \"no-such-server\""))

        let unknownJSON = try world.user.nsx(["instances", "get", "ghost", "-o", "json"])
        #expect(unknownJSON.status == 5)
        let error = try JSONSerialization.jsonObject(with: Data(unknownJSON.stderr.utf8)) as? [String: Any]
        #expect(error?["success"] as? Bool == false)

        // Backup names need not be unique: two called "nightly" make the name ambiguous.
        let server = try world.createServer("web-1")
        let instance = try world.createInstance("app-1", server: server)
        let first = try world.object(["backups", "create", "--instance", instance, "--name", "nightly"])
        let second = try world.object(["backups", "create", "--instance", instance, "--name", "nightly"])
        let ambiguous = try world.user.nsx(["backups", "get", "nightly"])
        #expect(ambiguous.status == 2, "\(ambiguous)")
        #expect(ambiguous.stderr.contains("matches 2 backups"))
        #expect(ambiguous.stderr.contains(try #require(first["id"] as? String)))
        #expect(ambiguous.stderr.contains(try #require(second["id"] as? String)))
    }

    @Test("409s are exit 6 with the server's own words")
    func conflicts() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: "web-1")
        try world.ok(["instances", "start", "app-1", "--wait"])

        let again = try world.user.nsx(["instances", "start", "app-1"])
        #expect(again.status == 6, "\(again)")
        #expect(again.stderr.contains("error: Instance is already running\n"))

        let serverBusy = try world.user.nsx(["servers", "delete", "web-1", "--yes"])
        #expect(serverBusy.status == 6, "\(serverBusy)")
        #expect(serverBusy.stderr.contains("error: Server has 1 instance(s); delete them first\n"))

        let running = try world.user.nsx(["instances", "delete", "app-1", "--yes", "-o", "json"])
        #expect(running.status == 6, "\(running)")
        let error = try JSONSerialization.jsonObject(with: Data(running.stderr.utf8)) as? [String: Any]
        let body = error?["error"] as? [String: Any]
        #expect(body?["code"] as? String == "CONFLICT")
        #expect(body?["message"] as? String == "Instance is running; stop it first")
        #expect(try world.array(["servers", "list"]).count == 1)
    }

    @Test("A token without the permission is exit 4 with a hint naming it")
    func permissionDenied() throws {
        let world = try ResourceWorld()
        let body = #"{"name":"ro","permissions":["servers:read"]}"#
        let created = try world.ok(["api", "POST", "tokens", "--input", "-"], stdin: body)
        let envelope = try #require(try created.json() as? [String: Any])
        let token = try #require((envelope["data"] as? [String: Any])?["token"] as? String)

        let env = ["NSX_TOKEN": token]
        let listed = try world.user.nsx(["servers", "list"], extraEnvironment: env)
        #expect(listed.status == 0, "\(listed)")
        let denied = try world.user.nsx(["servers", "create", "--name", "web-1", "--region", "us-east", "--plan", "basic-1"],
                                        extraEnvironment: env)
        #expect(denied.status == 4, "\(denied)")
        #expect(denied.stderr.contains("Token does not have permission: servers:write"))
        #expect(denied.stderr.contains("--perm servers:write") || denied.stderr.contains("servers:read,servers:write"))
        #expect(try world.array(["servers", "list"]).isEmpty)
    }

    @Test("Without a terminal, delete and restore need --yes: exit 2 and nothing changes")
    func confirmationWithoutTerminal() throws {
        let world = try ResourceWorld()
        let id = try world.createServer("web-1")
        let refused = try world.user.nsx(["servers", "delete", "web-1"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("needs confirmation"))
        #expect(refused.stderr.contains("--yes"))
        #expect(try world.object(["servers", "get", id])["id"] as? String == id)

        let instance = try world.createInstance("app-1", server: id)
        let backup = try world.object(["backups", "create", "--instance", instance, "--wait"])
        let restore = try world.user.nsx(["backups", "restore", try #require(backup["id"] as? String)])
        #expect(restore.status == 2, "\(restore)")
        #expect(try world.object(["instances", "get", instance])["status"] as? String == "stopped")
    }

    @Test("On a terminal, delete asks first: no keeps the server, yes deletes it")
    func confirmationOnTerminal() throws {
        let world = try ResourceWorld()
        let id = try world.createServer("web-1")
        let declined = try world.user.onTerminal(["servers", "delete", "web-1"], answers: [TerminalAnswer(prompt: "[y/N]", answer: "n")])
        #expect(declined.status == 1, "\(declined)")
        #expect(declined.text.contains("Delete server web-1 (\(id))? [y/N]"))
        #expect(try world.object(["servers", "get", id])["id"] as? String == id)

        let accepted = try world.user.onTerminal(["servers", "delete", "web-1"], answers: [TerminalAnswer(prompt: "[y/N]", answer: "y")])
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.text.contains("Deleted server"))
        #expect(try world.array(["servers", "list"]).isEmpty)
    }

    @Test("Several IDs: one result each, an error entry for the failure, the first failure's exit code")
    func severalIDs() throws {
        let world = try ResourceWorld()
        let a = try world.createServer("web-a")
        let b = try world.createServer("web-b")
        let result = try world.user.nsx(["servers", "delete", a, "srv_missing", "web-b", "--yes", "-o", "json"])
        #expect(result.status == 5, "\(result)")
        let entries = try #require(try result.json() as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(entries[0]["id"] as? String == a)
        #expect(entries[0]["deleted"] as? Bool == true)
        #expect(entries[1]["id"] as? String == "srv_missing")
        let error = try #require(entries[1]["error"] as? [String: Any])
        #expect(error["code"] as? String == "NOT_FOUND")
        #expect(error["message"] as? String == "Server not found: srv_missing")
        #expect(entries[2]["id"] as? String == b)
        #expect(try world.array(["servers", "list"]).isEmpty)

        // A delete's result has its own keys for --fields and -q.
        let d = try world.createServer("web-d")
        let picked = try world.object(["servers", "delete", "web-d", "--yes", "--fields", "deleted"])
        #expect(picked.count == 1)
        #expect(picked["deleted"] as? Bool == true)
        let e = try world.createServer("web-e")
        #expect(try world.ok(["servers", "delete", "web-e", "--yes", "-q"]).stdout == e + "\n")
        let badField = try world.user.nsx(["servers", "delete", d, "--yes", "--fields", "region"])
        #expect(badField.status == 2, "\(badField)")

        // Actions on several instances, as a table: one line each on stdout, failures on stderr.
        let server = try world.createServer("web-c")
        _ = try world.createInstance("app-1", server: server)
        _ = try world.createInstance("app-2", server: server)
        try world.ok(["instances", "start", "app-2", "--wait"])
        let started = try world.user.nsx(["instances", "start", "app-1", "app-2", "--wait"])
        #expect(started.status == 0, "app-2 already runs, as --wait asked: \(started)")
        #expect(started.stderr.contains("Started instance app-1"))
        #expect(started.stderr.contains("Instance app-2 (ins_"))
        #expect(started.stderr.contains(") is already running"))
        let restarted = try world.user.nsx(["instances", "restart", "app-1", "app-3", "--wait"])
        #expect(restarted.status == 5, "\(restarted)")
        #expect(restarted.stderr.contains("✓ Restarted instance app-1"), "\(restarted)")
        #expect(restarted.stderr.contains("✗ app-3: no instance named \"app-3\""), "\(restarted)")
        let ids = try world.ok(["instances", "list", "--status", "running", "-q"]).stdout.split(separator: "\n")
        #expect(ids.count == 2)
    }

    @Test("--wait gives up with exit 9: on timeout, and when a backup ends failed")
    func waitGivesUp() throws {
        let world = try ResourceWorld(actionDelay: 3)
        let server = try world.object(["servers", "create", "--name", "web-1", "--region", "us-east", "--plan", "basic-1"])
        #expect(server["status"] as? String == "provisioning")
        let timedOut = try world.user.nsx(["servers", "create", "--name", "web-2", "--region", "us-east", "--plan", "basic-1",
                                           "--wait", "--wait-timeout", "1s"])
        #expect(timedOut.status == 9, "\(timedOut)")
        #expect(timedOut.stderr.contains("gave up waiting for server web-2 after 1 second (still provisioning)"))

        let noWait = try world.user.nsx(["instances", "start", "x", "--wait-timeout", "1m"])
        #expect(noWait.status == 2, "\(noWait)")

        // A backup whose instance is deleted while it is pending ends failed.
        let instance = try world.createInstance("app-1", server: "web-1")
        let waiting = Process()
        waiting.executableURL = BuildProducts.nsx
        waiting.arguments = ["backups", "create", "--instance", instance, "--wait"]
        waiting.environment = world.user.environment
        let errPipe = Pipe()
        waiting.standardError = errPipe
        waiting.standardOutput = FileHandle.nullDevice
        try waiting.run()
        // Delete the instance once its backup exists (still pending: the delay is 3 s).
        var seen = false
        for _ in 0..<100 where !seen {
            seen = !(try world.array(["backups", "list", "--instance", instance])).isEmpty
            if !seen { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(seen)
        try world.ok(["instances", "delete", instance, "--yes"])
        waiting.waitUntilExit()
        let stderr = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(waiting.terminationStatus == 9, "\(stderr)")
        #expect(stderr.contains("error: backup backup-"))
        #expect(stderr.contains(" ended failed\n"))
    }

    @Test("--test with a session sees only test resources")
    func testEnvironment() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("live-1")
        let testServer = try world.object(["servers", "create", "--name", "test-1", "--region", "us-east", "--plan", "basic-1", "--test"])
        let testID = try #require(testServer["id"] as? String)

        let live = try world.array(["servers", "list"])
        #expect(live.compactMap { $0["name"] as? String } == ["live-1"])
        let test = try world.array(["servers", "list", "--test"])
        #expect(test.compactMap { $0["name"] as? String } == ["test-1"])
        let viaEnv = try world.array(["servers", "list"], extraEnvironment: ["NSX_ENV": "test"])
        #expect(viaEnv.compactMap { $0["id"] as? String } == [testID])

        // --test with a live API token is a usage error.
        let created = try world.ok(["api", "tokens", "-f", "name=live", "-f", "permissions[]=servers:read"])
        let liveToken = try #require(((try created.json() as? [String: Any])?["data"] as? [String: Any])?["token"] as? String)
        let refused = try world.user.nsx(["servers", "list", "--test"], extraEnvironment: ["NSX_TOKEN": liveToken])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("--test cannot be used with a live API token"))

        let notInLive = try world.user.nsx(["servers", "get", "test-1"])
        #expect(notInLive.status == 5, "\(notInLive)")
        #expect(try world.object(["servers", "get", "test-1", "--test"])["id"] as? String == testID)
    }

    @Test("With fault injection: two 503s then success, and a POST dropped after sending is made once")
    func retriesAndIdempotency() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("web-1")

        try world.server.injectFault(#"{"count":2,"status":503,"retry_after":1,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let listed = try world.array(["servers", "list"])
        #expect(listed.compactMap { $0["name"] as? String } == ["web-1"])

        try world.server.injectFault(#"{"count":1,"drop":"after","method":"POST","path_prefix":"/api/v1/servers"}"#)
        let created = try world.user.nsx(["servers", "create", "--name", "web-2", "--region", "us-east", "--plan", "basic-1",
                                          "-o", "json", "-v"])
        #expect(created.status == 0, "\(created)")
        let object = try #require(try created.json() as? [String: Any])
        #expect(object["name"] as? String == "web-2")
        // The retry carried the same Idempotency-Key as the first attempt.
        let keys = created.stderr.split(separator: "\n").filter { $0.hasPrefix("> ") && $0.lowercased().contains("idempotency-key:") }
            .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) }
        #expect(keys.count == 2, "\(created.stderr)")
        #expect(Set(keys).count == 1)
        let all = try world.array(["servers", "list", "--all"])
        #expect(all.filter { $0["name"] as? String == "web-2" }.count == 1)
        #expect(all.count == 2)
    }

    @Test("A DELETE whose answer was lost, retried and answered 404, counts as deleted")
    func deleteRetriedAfterLoss() throws {
        let world = try ResourceWorld()
        let id = try world.createServer("web-1")
        try world.server.injectFault(#"{"count":1,"drop":"after","method":"DELETE","path_prefix":"/api/v1/servers"}"#)
        let deleted = try world.user.nsx(["servers", "delete", id, "--yes", "-o", "json"])
        #expect(deleted.status == 0, "\(deleted)")
        let object = try #require(try deleted.json() as? [String: Any])
        #expect(object["id"] as? String == id)
        #expect(object["deleted"] as? Bool == true)
        #expect(try world.array(["servers", "list"]).isEmpty)
    }

    @Test("--wait shows a progress line on a terminal")
    func waitProgressOnTerminal() throws {
        let world = try ResourceWorld(actionDelay: 1)
        _ = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: "web-1")
        let started = try world.user.onTerminal(["instances", "start", "app-1", "--wait"])
        #expect(started.status == 0, "\(started)")
        #expect(started.text.contains("waiting for instance app-1: starting"))
        #expect(started.text.contains("Started instance app-1 (ins_"))
        #expect(try world.object(["instances", "get", "app-1"])["status"] as? String == "running")

        let restarted = try world.object(["instances", "restart", "app-1", "--wait"])
        #expect(restarted["status"] as? String == "running")
        let stopping = try world.object(["instances", "stop", "app-1"])
        #expect(stopping["status"] as? String == "stopping", "without --wait, the 202 object")
    }

    @Test("Usage errors: missing required options, --limit with --all, unknown --fields")
    func usageErrors() throws {
        let world = try ResourceWorld()
        let missing = try world.user.nsx(["servers", "create", "--name", "web-1", "--region", "us-east"])
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("--plan is required"))

        let both = try world.user.nsx(["servers", "list", "--all", "--limit", "5"])
        #expect(both.status == 2, "\(both)")

        let fields = try world.user.nsx(["servers", "list", "--fields", "id,colour"])
        #expect(fields.status == 2, "\(fields)")
        #expect(fields.stderr.contains("\"colour\""))
        #expect(fields.stderr.contains("ipv4"))

        // --fields is checked before anything is created.
        let createBadFields = try world.user.nsx(["servers", "create", "--name", "web-1", "--region", "us-east",
                                                  "--plan", "basic-1", "--fields", "nope"])
        #expect(createBadFields.status == 2, "\(createBadFields)")
        #expect(try world.array(["servers", "list"]).isEmpty)

        let badPlan = try world.user.nsx(["servers", "create", "--name", "web-1", "--region", "us-east", "--plan", "huge"])
        #expect(badPlan.status == 2, "\(badPlan)")

        let invalidName = try world.user.nsx(["servers", "create", "--name", "Web_1", "--region", "us-east", "--plan", "basic-1"])
        #expect(invalidName.status == 2, "\(invalidName)")
        #expect(invalidName.stderr.contains("name"))
    }
}
