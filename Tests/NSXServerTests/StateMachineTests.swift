import Foundation
import Testing
@testable import NSXServer

@Suite struct StateMachineTests {
    @Test func serverProvisionsThenBecomesActive() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let response = try await server.api.post("/api/v1/servers", ["name": "web", "region": "us-west", "plan": "standard-2"], token: token)
            #expect(response["status"] == "provisioning")
            let id = try #require(response["id"])
            server.finishTransitions()
            let status = try await server.status(of: "/api/v1/servers/\(id)", token: token)
            #expect(status == "active")
        }
    }

    @Test func transitionsCompleteInRealTime() async throws {
        try await TestServer.run({ $0.actionDelay = 0.05 }) { server in
            let token = try await server.login()
            let id = try await server.createServer("web", token: token)
            var status: String?
            for _ in 0..<500 {
                status = try await server.status(of: "/api/v1/servers/\(id)", token: token)
                if status == "active" { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(status == "active")
        }
    }

    @Test func instanceStartStopRestart() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let serverID = try await server.createServer("web", token: token)
            let id = try await server.createInstance("app", server: serverID, token: token)
            let path = "/api/v1/instances/\(id)"
            let api = server.api
            func message(_ response: APIResponse) -> String? { response.errorMessage }
            #expect(try await server.status(of: path, token: token) == "stopped")

            let start = try await api.post("\(path)/start", token: token)
            #expect(start.status == 202)
            #expect(start["status"] == "starting")
            #expect(message(try await api.post("\(path)/start", token: token)) == "Instance is starting; cannot start")
            #expect(message(try await api.post("\(path)/stop", token: token)) == "Instance is starting; cannot stop")
            #expect(message(try await api.delete(path, token: token)) == "Instance is starting; stop it first")
            server.finishTransitions()
            #expect(try await server.status(of: path, token: token) == "running")
            #expect(message(try await api.post("\(path)/start", token: token)) == "Instance is already running")

            let restart = try await api.post("\(path)/restart", token: token)
            #expect(restart.status == 202)
            #expect(restart["status"] == "restarting")
            #expect(message(try await api.post("\(path)/restart", token: token)) == "Instance is restarting; cannot restart")
            server.finishTransitions()
            #expect(try await server.status(of: path, token: token) == "running")
            #expect(message(try await api.delete(path, token: token)) == "Instance is running; stop it first")

            let stop = try await api.post("\(path)/stop", token: token)
            #expect(stop.status == 202)
            #expect(stop["status"] == "stopping")
            server.finishTransitions()
            #expect(try await server.status(of: path, token: token) == "stopped")
            #expect(message(try await api.post("\(path)/stop", token: token)) == "Instance is already stopped")
            #expect(message(try await api.post("\(path)/restart", token: token)) == "Instance is stopped; cannot restart")

            let deleted = try await api.delete(path, token: token)
            #expect(deleted.status == 200)
            #expect(deleted.data == ["id": .string(id), "deleted": true])
            #expect(try await api.get(path, token: token).status == 404)
        }
    }

    @Test func serverWithInstancesCannotBeDeleted() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let serverID = try await server.createServer("web", token: token)
            let a = try await server.createInstance("a", server: serverID, token: token)
            _ = try await server.createInstance("b", server: serverID, token: token)
            let refused = try await server.api.delete("/api/v1/servers/\(serverID)", token: token)
            #expect(refused.status == 409)
            #expect(refused.errorMessage == "Server has 2 instance(s); delete them first")
            _ = try await server.api.delete("/api/v1/instances/\(a)", token: token)
            let again = try await server.api.delete("/api/v1/servers/\(serverID)", token: token)
            #expect(again.errorMessage == "Server has 1 instance(s); delete them first")
        }
    }

    @Test func backupCompletesWithASize() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let serverID = try await server.createServer("web", token: token)
            let instance = try await server.createInstance("app", server: serverID, token: token)
            let created = try await server.api.post("/api/v1/backups", ["instance_id": .string(instance)], token: token)
            #expect(created.status == 202)
            #expect(created["status"] == "pending")
            #expect(created.dataObject["completed_at"] == .null)
            #expect(created.dataObject["size_bytes"] == 0)
            #expect(created["name"]?.hasPrefix("backup-") == true)
            #expect(created["name"]?.count == "backup-YYYYMMDD-HHMMSS".count)
            let id = try #require(created["id"])
            server.finishTransitions()
            let done = try await server.api.get("/api/v1/backups/\(id)", token: token)
            #expect(done["status"] == "completed")
            #expect((done.dataObject["size_bytes"]?.intValue ?? 0) > 0)
            #expect(done["completed_at"] != nil)
        }
    }

    @Test func pendingBackupFailsWhenItsInstanceIsDeleted() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let serverID = try await server.createServer("web", token: token)
            let instance = try await server.createInstance("app", server: serverID, token: token)
            let created = try await server.api.post("/api/v1/backups", ["instance_id": .string(instance), "name": "b1"], token: token)
            let backup = try #require(created["id"])
            let deleted = try await server.api.delete("/api/v1/instances/\(instance)", token: token)
            #expect(deleted.status == 200)
            server.finishTransitions()
            let status = try await server.status(of: "/api/v1/backups/\(backup)", token: token)
            #expect(status == "failed")
        }
    }

    @Test func restoreRunsBackupAndInstanceThroughRestoring() async throws {
        try await TestServer.run { server in
            let token = try await server.login()
            let api = server.api
            let serverID = try await server.createServer("web", token: token)
            let instance = try await server.createInstance("app", server: serverID, token: token)
            let other = try await server.createInstance("other", server: serverID, token: token)
            let created = try await api.post("/api/v1/backups", ["instance_id": .string(instance)], token: token)
            let backup = try #require(created["id"])
            let restorePath = "/api/v1/backups/\(backup)/restore"

            let early = try await api.post(restorePath, token: token)
            #expect(early.status == 409)
            #expect(early.errorMessage == "Backup is pending; only completed backups can be restored")
            server.finishTransitions()

            _ = try await api.post("/api/v1/instances/\(instance)/start", token: token)
            let busy = try await api.post(restorePath, token: token)
            #expect(busy.errorMessage == "Instance is starting; cannot restore")
            server.finishTransitions()

            let restore = try await api.post(restorePath, token: token)
            #expect(restore.status == 202)
            #expect(restore["status"] == "restoring")
            #expect(try await server.status(of: "/api/v1/instances/\(instance)", token: token) == "restoring")
            let deleteWhileRestoring = try await api.delete("/api/v1/backups/\(backup)", token: token)
            #expect(deleteWhileRestoring.errorMessage == "Backup is being restored")
            let backupWhileRestoring = try await api.post("/api/v1/backups", ["instance_id": .string(instance)], token: token)
            #expect(backupWhileRestoring.errorMessage == "Instance is restoring; cannot back up")
            let restoreAgain = try await api.post(restorePath, token: token)
            #expect(restoreAgain.errorMessage == "Backup is restoring; only completed backups can be restored")
            server.finishTransitions()
            #expect(try await server.status(of: "/api/v1/backups/\(backup)", token: token) == "completed")
            #expect(try await server.status(of: "/api/v1/instances/\(instance)", token: token) == "running")

            // Into another (stopped) instance, which returns to stopped.
            let elsewhere = try await api.post(restorePath, ["instance_id": .string(other)], token: token)
            #expect(elsewhere.status == 202)
            #expect(try await server.status(of: "/api/v1/instances/\(other)", token: token) == "restoring")
            server.finishTransitions()
            #expect(try await server.status(of: "/api/v1/instances/\(other)", token: token) == "stopped")

            let missing = try await api.post(restorePath, ["instance_id": "ins_nothere"], token: token)
            #expect(missing.status == 400)
            #expect(missing.detailFields == ["instance_id"])

            let deleted = try await api.delete("/api/v1/backups/\(backup)", token: token)
            #expect(deleted.status == 200)
        }
    }
}
