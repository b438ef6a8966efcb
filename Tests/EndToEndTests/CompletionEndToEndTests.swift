import Foundation
import Testing
import TestSupport

/// TAB in bash, zsh and fish with the scripts `nsx completion` prints and the real nsx on
/// PATH: static words from the tree, and live IDs and names from a real nsx-server through
/// the hidden `nsx __complete`, which prints nothing and exits 0 when the API is down.
@Suite("Completion end to end")
struct CompletionEndToEndTests {
    enum Shell: String, CaseIterable { case bash, zsh, fish }

    /// A logged-in user with two servers, and a cache folder of their own.
    final class World: @unchecked Sendable {
        let resources: ResourceWorld
        let cacheHome: URL
        var servers: [(id: String, name: String)] = []

        init() throws {
            resources = try ResourceWorld()
            cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-cache-\(UUID().uuidString)")
            for name in ["web-1", "db-2"] {
                let server = try resources.object(["servers", "create", "--name", name, "--region", "eu-central", "--plan", "basic-1"])
                servers.append((try #require(server["id"] as? String), name))
            }
        }

        deinit { try? FileManager.default.removeItem(at: cacheHome) }

        /// What `shell` offers for the words typed (the last one being completed), with the
        /// user's environment plus `extra`; fails the test on anything written to stderr.
        func offered(_ shell: Shell, _ words: [String], extra: [String: String] = [:]) throws -> Set<String> {
            let script = try resources.ok(["completion", shell.rawValue]).stdout
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-completion-\(UUID().uuidString).\(shell)")
            try script.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let arguments: [String] = switch shell {
            case .bash: ["-c", CompletionDrivers.bash, file.path] + words
            case .zsh: ["-f", "-c", CompletionDrivers.zshStubs + CompletionDrivers.zsh, file.path] + words
            case .fish: ["--no-config", "-c", CompletionDrivers.fish, file.path, words.joined(separator: " ")]
            }
            var environment = resources.user.environment.merging(extra) { $1 }
            environment["PATH"] = BuildProducts.binDir.path + ":/usr/bin:/bin"
            environment["XDG_CACHE_HOME"] = cacheHome.path
            let executable = try #require(["/usr/bin/", "/bin/"].map { $0 + shell.rawValue }.first(where: FileManager.default.isExecutableFile(atPath:)),
                                          "\(shell) is not installed: apt-get install \(shell) (scripts/install-deps)")
            let run = try runProcess(URL(fileURLWithPath: executable), arguments, environment: environment, timeout: 30)
            #expect(run.stderr.isEmpty, "\(shell) \(words): \(run)")
            return Set(run.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) })
        }
    }

    @Test("commands, enum values and --perm lists, from the tree", arguments: Shell.allCases)
    func staticWords(_ shell: Shell) throws {
        let world = try World()
        #expect(try world.offered(shell, ["nsx", "se"]) == ["servers", "settings"])
        #expect(try world.offered(shell, ["nsx", "servers", "create", "--region", ""]) == ["us-east", "us-west", "eu-central", "ap-southeast"])
        #expect(try world.offered(shell, ["nsx", "tokens", "create", "--perm", "ser"]) == ["servers:read", "servers:write"])
    }

    @Test("servers get: the IDs and names of the account's servers, from the live API, then from a private cache",
          arguments: Shell.allCases)
    func liveNames(_ shell: Shell) throws {
        let world = try World()
        let everything = Set(world.servers.flatMap { [$0.id, $0.name] })
        #expect(try world.offered(shell, ["nsx", "servers", "get", ""]) == everything)
        #expect(try world.offered(shell, ["nsx", "servers", "get", "we"]) == ["web-1"])

        let folder = world.cacheHome.appendingPathComponent("nsx").path
        let attributes = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(!text.contains("eyJ") && !text.contains("nsx_live_"), "a secret in the cache: \(text)")
        }
    }

    @Test("the API down: nothing offered, nothing said, exit 0", arguments: Shell.allCases)
    func apiDown(_ shell: Shell) throws {
        let world = try World()
        let down = ["NSX_API_URL": "http://127.0.0.1:1"]
        #expect(try world.offered(shell, ["nsx", "servers", "get", ""], extra: down).isEmpty)
        // The words from the tree still come.
        #expect(try world.offered(shell, ["nsx", "se"], extra: down) == ["servers", "settings"])

        let direct = try world.resources.user.nsx(["__complete", "servers", "--", ""], extraEnvironment: down)
        #expect(direct.status == 0 && direct.stdout.isEmpty && direct.stderr.isEmpty, "\(direct)")
    }
}
