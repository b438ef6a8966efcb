import Foundation
import NSXJSON
import Testing
@testable import NSXServer

/// Starts the real binary, writes through HTTP, kills it with SIGKILL, restarts it on the
/// same data folder and finds everything still there.
@Suite(.serialized) struct DurabilityTests {
    @Test func acknowledgedWritesSurviveKillNine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-durability-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["--data", folder + "/nsx.sqlite", "--user", "dura@example.com:dura-password:Dura", "--action-delay", "0.05"]

        let first = try ServerProcess(arguments: arguments)
        let base = first.baseURL
        let login = try Curl.request("POST", base + "/auth/login", json: #"{"email":"dura@example.com","password":"dura-password"}"#)
        #expect(login.status == 200)
        let session = try #require(Self.data(login.body)?["token"]?.stringValue)
        let token = try Curl.request("POST", base + "/api/v1/tokens", token: session, json: #"{"name":"ci","permissions":["servers:read","servers:write"]}"#)
        #expect(token.status == 201)
        let secret = try #require(Self.data(token.body)?["token"]?.stringValue)
        let server = try Curl.request("POST", base + "/api/v1/servers", token: secret, json: #"{"name":"keep-me","region":"eu-central","plan":"basic-1"}"#,
                                      headers: ["Idempotency-Key: durable-1"])
        #expect(server.status == 201)
        let serverID = try #require(Self.data(server.body)?["id"]?.stringValue)
        first.kill9()

        let second = try ServerProcess(arguments: arguments)
        defer { _ = second.terminate() }
        let base2 = second.baseURL
        let fetched = try Curl.request("GET", base2 + "/api/v1/servers/\(serverID)", token: secret)
        #expect(fetched.status == 200)
        #expect(Self.data(fetched.body)?["name"] == "keep-me")
        #expect(Self.data(fetched.body)?["status"] == "active", "a transition due while the server was down completes")
        // The session JWT still verifies: the signing key was kept in the data folder.
        #expect(try Curl.request("GET", base2 + "/api/v1/me", token: session).status == 200)
        // The idempotency record survived too.
        let replay = try Curl.request("POST", base2 + "/api/v1/servers", token: secret, json: #"{"name":"keep-me","region":"eu-central","plan":"basic-1"}"#,
                                      headers: ["Idempotency-Key: durable-1"])
        #expect(replay.status == 201)
        #expect(replay.body == server.body)

        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/jwt-signing.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let database = try String(decoding: Data(contentsOf: URL(fileURLWithPath: folder + "/nsx.sqlite")), as: UTF8.self)
            + String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: folder + "/nsx.sqlite-wal"))) ?? Data(), as: UTF8.self)
        #expect(!database.contains(secret), "the token secret is never stored")
        #expect(!database.contains("dura-password"), "the password is never stored")
    }

    @Test func sigtermShutsDownCleanly() throws {
        let server = try ServerProcess(arguments: ["--memory"])
        #expect(try Curl.request("GET", server.baseURL + "/api/v1/me").status == 401)
        #expect(server.terminate() == 0)
    }

    @Test func demoSeedingIsIdempotent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var counts: [Int] = []
        for _ in 0..<2 {
            let server = try ServerProcess(arguments: ["--data", folder + "/nsx.sqlite", "--demo"])
            let login = try Curl.request("POST", server.baseURL + "/auth/login", json: #"{"email":"demo@example.com","password":"demo-password"}"#)
            let session = try #require(Self.data(login.body)?["token"]?.stringValue)
            #expect(Self.data(login.body)?["user"]?.objectValue?["name"] == "Demo User")
            var total = 0
            for environment in ["live", "test"] {
                for resource in ["servers", "instances", "backups"] {
                    let list = try Curl.request("GET", server.baseURL + "/api/v1/\(resource)", token: session, headers: ["Nurosentrix-Environment: \(environment)"])
                    let items = (try? JSONValue.parse(list.body))?.objectValue?["data"]?.arrayValue ?? []
                    #expect(!items.isEmpty, "\(environment) \(resource)")
                    total += items.count
                }
            }
            counts.append(total)
            #expect(server.terminate() == 0)
        }
        #expect(counts[0] == counts[1])
    }

    @Test func usageErrorExitsWithTwo() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerProcess.binary)
        process.arguments = ["--port", "not-a-port"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
    }

    private static func data(_ body: String) -> JSONObject? {
        (try? JSONValue.parse(body))?.objectValue?["data"]?.objectValue
    }
}
