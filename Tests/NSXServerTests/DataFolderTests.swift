import Foundation
import NSXJSON
import Testing
@testable import NSXServer

/// What a local user who can read the server's data folder learns: no token secret, and
/// nothing at all unless the files are theirs (0600 files in a 0700 folder, whatever the umask).
@Suite(.serialized) struct DataFolderTests {
    static let user = "keep@example.com:keep-password:Keep"

    @Test func noTokenSecretIsLeftInTheDataFolder() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServerProcess(arguments: ["--data", folder + "/data/nsx.sqlite", "--user", Self.user])
        let session = try Self.login(server)
        var secrets: [String] = []
        for (index, environment) in ["live", "test", "live"].enumerated() {
            let body = #"{"name":"ci-\#(index)","permissions":["servers:read"],"environment":"\#(environment)"}"#
            let headers = ["Idempotency-Key: mint-\(index)"]
            let created = try Curl.request("POST", server.baseURL + "/api/v1/tokens", token: session, json: body, headers: headers)
            #expect(created.status == 201)
            let replay = try Curl.request("POST", server.baseURL + "/api/v1/tokens", token: session, json: body, headers: headers)
            #expect(replay.body == created.body, "the replay still works")
            secrets.append(try #require(Self.data(created.body)?["token"]?.stringValue))
        }
        let whileRunning = try Self.tokenSecrets(inFolder: folder + "/data")
        #expect(server.terminate() == 0)
        let afterStop = try Self.tokenSecrets(inFolder: folder + "/data")
        #expect(whileRunning.isEmpty, "secrets on disk while running: \(whileRunning)")
        #expect(afterStop.isEmpty, "secrets on disk after shutdown: \(afterStop)")
        let everything = try Self.allBytes(inFolder: folder + "/data")
        for secret in secrets {
            #expect(!everything.contains(Array(secret.utf8)), "\(secret.prefix(13))… is on disk")
        }
    }

    @Test func filesAreOwnerOnlyWhateverTheUmask() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/state/nsx-server"
        let server = try ServerProcess(arguments: ["--data", data + "/nsx.sqlite", "--user", Self.user], umask: "000")
        let session = try Self.login(server)
        // A write, so the WAL and shared-memory files exist.
        let created = try Curl.request("POST", server.baseURL + "/api/v1/servers", token: session,
                                       json: #"{"name":"web","region":"us-east","plan":"basic-1"}"#)
        #expect(created.status == 201)
        #expect(try Self.mode(data) == 0o700, "data folder")
        for file in ["nsx.sqlite", "nsx.sqlite-wal", "nsx.sqlite-shm", "jwt-signing.key"] {
            #expect(try Self.mode(data + "/" + file) == 0o600, "\(file)")
        }
        #expect(server.terminate() == 0)
    }

    @Test(arguments: ["nsx.sqlite", "nsx.sqlite-wal", "jwt-signing.key"])
    func aDataFileReadableByOthersIsRefused(_ file: String) throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["--data", folder + "/nsx.sqlite", "--user", Self.user]
        let first = try ServerProcess(arguments: arguments)
        _ = try Self.login(first)
        first.kill9() // leaves the WAL behind
        let path = folder + "/" + file
        #expect(FileManager.default.fileExists(atPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)

        let refused = try ServerProcess.runToExit(arguments: arguments)
        #expect(refused.status == 1, "the server must refuse to start; stderr: \(refused.stderr)")
        #expect(refused.stderr.contains(path))
        #expect(refused.stderr.contains("chmod 600 \(path)"), "says how to fix it: \(refused.stderr)")
    }

    @Test func usersFileSeedsAccounts() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let users = folder + "/users"
        try "# accounts for the sandbox\nfile@example.com:file-password:File User\n\nsecond@example.com:pw-2\n"
            .write(toFile: users, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: users)
        let server = try ServerProcess(arguments: ["--memory", "--users-file", users])
        defer { _ = server.terminate() }
        let login = try Curl.request("POST", server.baseURL + "/auth/login", json: #"{"email":"file@example.com","password":"file-password"}"#)
        #expect(login.status == 200)
        #expect(Self.data(login.body)?["user"]?.objectValue?["name"] == "File User")
        let second = try Curl.request("POST", server.baseURL + "/auth/login", json: #"{"email":"second@example.com","password":"pw-2"}"#)
        #expect(second.status == 200)
    }

    @Test func aUsersFileReadableByOthersIsRefused() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let users = folder + "/users"
        try "file@example.com:file-password\n".write(toFile: users, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: users)
        let refused = try ServerProcess.runToExit(arguments: ["--memory", "--users-file", users])
        #expect(refused.status == 1, "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("chmod 600 \(users)"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("file-password"))
    }

    @Test func aMalformedUsersFileNamesTheLineWithoutThePassword() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let users = folder + "/users"
        try "ok@example.com:fine\nnot-an-email:secret-word\n".write(toFile: users, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: users)
        let refused = try ServerProcess.runToExit(arguments: ["--memory", "--users-file", users])
        #expect(refused.status == 1, "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("\(users) line 2"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("secret-word"))
    }

    /// An address with no local part (`@:…`) crashed the server before it said anything.
    @Test func aUsersFileLineWithoutALocalPartIsRefusedToo() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let users = folder + "/users"
        try "@:secret-word\n".write(toFile: users, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: users)
        let refused = try ServerProcess.runToExit(arguments: ["--memory", "--users-file", users])
        #expect(refused.status == 1, "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("\(users) line 1"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("secret-word"))
    }

    // MARK: Helpers

    static func makeFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func login(_ server: ServerProcess) throws -> String {
        let login = try Curl.request("POST", server.baseURL + "/auth/login", json: #"{"email":"keep@example.com","password":"keep-password"}"#)
        #expect(login.status == 200)
        return try #require(data(login.body)?["token"]?.stringValue)
    }

    static func data(_ body: String) -> JSONObject? {
        (try? JSONValue.parse(body))?.objectValue?["data"]?.objectValue
    }

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func allBytes(inFolder folder: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            bytes += Array((try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) ?? Data())
        }
        return bytes
    }

    /// What `strings … | grep -E 'nsx_(live|test)_[A-Za-z0-9]{32}'` would find in every file.
    static func tokenSecrets(inFolder folder: String) throws -> [String] {
        let bytes = try allBytes(inFolder: folder)
        var found: [String] = []
        let prefixes = [Array("nsx_live_".utf8), Array("nsx_test_".utf8)]
        var index = 0
        while index + 9 + 32 <= bytes.count {
            if prefixes.contains(where: { bytes[index..<(index + 9)].elementsEqual($0) }),
               bytes[(index + 9)..<(index + 41)].allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) {
                found.append(String(decoding: bytes[index..<(index + 13)], as: UTF8.self) + "…")
                index += 41
            } else {
                index += 1
            }
        }
        return found
    }
}

extension Array where Element == UInt8 {
    func contains(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        var index = 0
        while index + needle.count <= count {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
