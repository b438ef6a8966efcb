import Foundation
import NSXConfig
import NSXHTTP
import NSXKeyring
import Testing
@testable import NSXCLI

/// `nsx __complete`, what the completion scripts ask: live IDs and names from the API (the
/// stored credential read once, under a short deadline, answers cached a minute), profiles and
/// permissions from what nsx knows; nothing at all, and exit 0, whenever something fails.
@Suite("nsx __complete, in process")
struct CompleteCommandTests {
    static let apiURL = "https://api.example.test"
    static let secret = "session-secret-for-completion"

    /// Counts reads, so a test can tell the keyring was asked at most once.
    final class CountingKeyring: SecretStore, @unchecked Sendable {
        let inner = InMemorySecretStore()
        private(set) var reads = 0
        func read(_ key: SecretKey) throws(SecretStoreError) -> String? { reads += 1; return try inner.read(key) }
        func write(_ secret: String, for key: SecretKey, label: String) throws(SecretStoreError) { try inner.write(secret, for: key, label: label) }
        func delete(_ key: SecretKey) throws(SecretStoreError) -> Bool { try inner.delete(key) }
    }

    final class World {
        let cli = TestCLI()
        let keyring = CountingKeyring()
        let cache: URL

        init(servers: [(String, String)] = [("srv_aaa111bbb222", "web-1"), ("srv_ccc333ddd444", "db-1")]) throws {
            cache = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-cache-\(UUID().uuidString)")
            cli.keyring = keyring
            cli.environment["XDG_CACHE_HOME"] = cache.path
            for profile in ["default", "work"] {
                try keyring.inner.write(CompleteCommandTests.secret + "-" + profile,
                                        for: SecretKey(profile: profile, apiURL: CompleteCommandTests.apiURL), label: "test")
                try cli.config.update { document in
                    document.profiles[profile] = ProfileFacts(apiURL: CompleteCommandTests.apiURL, credentialType: .session,
                                                              email: "\(profile)@example.com", permissions: Permission.all)
                }
            }
            let items = servers.map { #"{"id":"\#($0.0)","name":"\#($0.1)","status":"active"}"# }.joined(separator: ",")
            cli.transport.respond = { request in
                guard request.url.hasPrefix(CompleteCommandTests.apiURL + "/api/v1/servers") else { return Fixtures.notFound }
                return FakeTransport.json(200, #"{"success":true,"data":[\#(items)],"meta":{"limit":100,"next_cursor":null,"has_more":false}}"#)
            }
        }

        deinit { try? FileManager.default.removeItem(at: cache) }

        func complete(_ words: String...) -> CLIRun { cli.run(["__complete"] + words) }
    }

    @Test("IDs and names, each described by the other, starting with the word typed")
    func offersIDsAndNames() throws {
        let world = try World()
        let all = world.complete("servers", "--", "")
        #expect(all.status == 0 && all.stderr.isEmpty, "\(all)")
        #expect(all.stdout == "srv_aaa111bbb222\tweb-1\nweb-1\tsrv_aaa111bbb222\nsrv_ccc333ddd444\tdb-1\ndb-1\tsrv_ccc333ddd444\n")
        #expect(world.complete("servers", "--", "we").stdout == "web-1\tsrv_aaa111bbb222\n")
        let request = try #require(world.cli.transport.requests.first)
        #expect(request.headers.contains { $0.0 == "Authorization" && $0.1 == "Bearer \(Self.secret)-default" })
    }

    @Test("the keyring is read at most once, under a short deadline; a fresh answer comes from the cache, with neither")
    func keyringOnceThenCache() throws {
        let world = try World()
        #expect(!world.complete("servers", "--", "").stdout.isEmpty)
        #expect(world.keyring.reads == 1)
        #expect(world.cli.keyringDeadlines.allSatisfy { $0 <= .milliseconds(250) } && !world.cli.keyringDeadlines.isEmpty)
        #expect(world.cli.transport.requests.count == 1)

        let again = world.complete("servers", "--", "db")
        #expect(again.stdout == "db-1\tsrv_ccc333ddd444\n")
        #expect(world.keyring.reads == 1, "the cache answered")
        #expect(world.cli.transport.requests.count == 1)

        // Other commands keep the keyring's usual deadline.
        _ = world.cli.run(["servers", "list"])
        #expect(world.cli.keyringDeadlines.last == .seconds(5))
    }

    @Test("the cache: a 0700 folder of 0600 files, IDs and names only, one per profile, API URL and environment")
    func cacheFiles() throws {
        let world = try World()
        _ = world.complete("servers", "--", "")
        _ = world.complete("servers", "--", "", "--profile", "work", "servers", "get")
        _ = world.complete("servers", "--", "", "--test")
        let folder = world.cache.appendingPathComponent("nsx")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 3, "\(files)")
        #expect(world.cli.transport.requests.count == 3)
        let keys = try files.map { name -> String in
            let path = folder.appendingPathComponent(name).path
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains(Self.secret), "no secret in the cache")
            return String(text.prefix { $0 != "\n" })
        }
        #expect(Set(keys) == [
            "# nsx completion cache: profile=default api_url=\(Self.apiURL) environment=live",
            "# nsx completion cache: profile=work api_url=\(Self.apiURL) environment=live",
            "# nsx completion cache: profile=default api_url=\(Self.apiURL) environment=test",
        ])
        // The --profile typed on the line is the one asked as.
        let work = try #require(world.cli.transport.requests.dropFirst().first)
        #expect(work.headers.contains { $0.0 == "Authorization" && $0.1 == "Bearer \(Self.secret)-work" })
    }

    @Test("an API token in NSX_TOKEN is keyed by its public prefix; a session in NSX_TOKEN is not cached at all")
    func environmentTokens() throws {
        let world = try World()
        world.cli.environment["NSX_TOKEN"] = "nsx_live_Abcd" + String(repeating: "x", count: 28)
        #expect(!world.complete("servers", "--", "").stdout.isEmpty)
        #expect(world.keyring.reads == 0, "NSX_TOKEN beats the keyring")
        let folder = world.cache.appendingPathComponent("nsx")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let text = try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8)
        #expect(text.hasPrefix("# nsx completion cache: token=nsx_live_Abcd api_url="))
        #expect(!text.contains("xxxxxxxx"))

        let sessions = try World()
        sessions.cli.environment["NSX_TOKEN"] = Fixtures.jwt(expiringIn: 3600)
        #expect(!sessions.complete("servers", "--", "").stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sessions.cache.appendingPathComponent("nsx").path))
    }

    @Test("nothing is printed, and the exit is 0, whatever goes wrong", arguments: [
        "unauthorized", "server down", "not logged in", "unknown source", "no words", "locked keyring", "timed out",
    ])
    func silentOnFailure(_ failure: String) throws {
        let world = try World()
        var words = ["servers", "--", ""]
        switch failure {
        case "unauthorized": world.cli.transport.respond = { _ in Fixtures.unauthorized }
        case "server down": world.cli.transport.respond = { _ throws(TransportError) in throw .couldNotConnect("refused") }
        case "not logged in": world.cli.environment["NSX_PROFILE"] = "nobody"
        case "unknown source": words = ["widgets", "--", ""]
        case "no words": words = []
        case "locked keyring": world.cli.keyring = FailingSecretStore(.locked)
        default: world.cli.keyring = FailingSecretStore(.timedOut)
        }
        let run = world.cli.run(["__complete"] + words, terminal: true)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty && run.stderr.isEmpty, "\(run)")
        #expect(world.cli.transport.requests.count <= 1, "nothing is retried")
    }

    @Test("a 503 is not retried: completion has no time to wait")
    func noRetries() throws {
        let world = try World()
        world.cli.transport.respond = { _ in FakeTransport.json(503, #"{"success":false,"error":{"code":"SERVICE_UNAVAILABLE","message":"later"}}"#) }
        #expect(world.complete("servers", "--", "").stdout.isEmpty)
        #expect(world.cli.transport.requests.count == 1)
    }

    @Test("a name with a control character is not offered: it would break the line or reach the terminal")
    func controlCharacters() throws {
        let world = try World(servers: [("srv_aaa111bbb222", "bad\\u001b[31mname"), ("srv_ccc333ddd444", "fine")])
        let run = world.complete("servers", "--", "")
        #expect(run.stdout == "srv_aaa111bbb222\tbad [31mname\nsrv_ccc333ddd444\tfine\nfine\tsrv_ccc333ddd444\n", "\(run)")
    }

    @Test("--perm: permissions, and in a comma list those not named yet, after the list so far")
    func permissions() throws {
        let world = try World()
        #expect(world.complete("permissions", "--", "ser").stdout
                == "servers:read\tView servers\nservers:write\tCreate, update, delete servers\n")
        #expect(world.complete("permissions", "--", "servers:read,ser").stdout
                == "servers:read,servers:write\tCreate, update, delete servers\n")
        #expect(world.complete("permissions", "--", "servers:read,settings:").stdout.split(separator: "\n").map { $0.prefix { $0 != "\t" } }
                == ["servers:read,settings:read", "servers:read,settings:write"])
        #expect(world.keyring.reads == 0 && world.cli.transport.requests.isEmpty, "known without asking")
    }

    @Test("--profile: the stored profiles, from config.json alone")
    func profiles() throws {
        let world = try World()
        #expect(world.complete("profiles", "--", "").stdout
                == "default\t\(Self.apiURL), default@example.com\nwork\t\(Self.apiURL), work@example.com\n")
        #expect(world.keyring.reads == 0 && world.cli.transport.requests.isEmpty)
    }
}
