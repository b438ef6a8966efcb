import Foundation
import Testing
import TestSupport

/// Where secrets go when the Secret Service is missing, the 0600 file of --insecure-storage,
/// and many nsx processes writing at once.
@Suite struct CredentialStorageEndToEndTests {
    /// Takes the D-Bus session away: no address, no $XDG_RUNTIME_DIR/bus.
    static let noBus: [String] = ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"]

    @Test func withoutASecretServiceLoginFailsClearlyAndWritesNothing() throws {
        let world = try AuthWorld()
        // A config folder that does not exist yet must not be created.
        let fresh = world.user.configDir.appendingPathComponent("fresh")
        let run = try world.user.nsx(["login", "--email", TestServer.email, "--password-stdin"], stdin: TestServer.password + "\n",
                                     extraEnvironment: ["NSX_CONFIG_DIR": fresh.path], removing: Self.noBus)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.hasPrefix("error: no Secret Service (GNOME keyring) is reachable"))
        #expect(run.stderr.contains("nsx login --insecure-storage"))
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fresh.path), "nothing written, not even the folder")
    }

    @Test func aDeadBusAddressIsTheSameClearFailure() throws {
        let world = try AuthWorld()
        let run = try world.user.nsx(["login", "--email", TestServer.email, "--password-stdin"], stdin: TestServer.password + "\n",
                                     extraEnvironment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/nsx-test-bus"],
                                     removing: ["XDG_RUNTIME_DIR"])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("no Secret Service"))
        #expect(run.stderr.contains("--insecure-storage"))
        // The existing (empty) config folder gains no config and no credentials.
        let names = try FileManager.default.contentsOfDirectory(atPath: world.user.configDir.path)
        #expect(!names.contains("config.json") && !names.contains("credentials.json"), "\(names)")
        for name in names {
            let size = try FileManager.default.attributesOfItem(atPath: world.user.configDir.appendingPathComponent(name).path)[.size] as? Int
            #expect(size == 0, "\(name) has content")
        }
    }

    @Test func withoutASecretServiceAStoredLoginIsExit3() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let run = try world.user.nsx(["auth", "token"], removing: Self.noBus)
        #expect(run.status == 3)
        #expect(run.stderr.contains("no Secret Service"))
        #expect(run.stdout.isEmpty)
    }

    /// A bus that accepts the connection and never speaks: the lookup (in its own process,
    /// started early) is given up at the keyring's deadline with a clear message, and the
    /// process is stopped, not left waiting on the bus.
    @Test func aKeyringThatNeverAnswersTimesOutAndLeavesNoProcessBehind() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let socketPath = world.user.configDir.appendingPathComponent("silent.sock").path
        let listener = try SilentSocket(path: socketPath)
        defer { listener.close() }
        let marker = "srv_" + String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(12))

        let run = try world.user.nsx(["servers", "get", marker], extraEnvironment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=\(socketPath)"])
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.contains("the keyring did not answer in time"), "\(run)")
        #expect(run.stdout.isEmpty)
        let left = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { name in
            guard name.allSatisfy(\.isNumber), let arguments = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else {
                return false
            }
            return String(decoding: arguments, as: UTF8.self).contains(marker)
        }
        #expect(left.isEmpty, "processes still running for the command: \(left)")
    }

    /// With an API token in the keyring, a request connects to the API while the lookup runs
    /// and asks for the credential only once connected; without it, nothing is sent. Here the
    /// API is a listener that records what reaches it, and the bus never answers: the listener
    /// holds one connection that carried no byte, and the keyring's failure is what nsx
    /// reports (exit 3), as when the read came before connecting.
    @Test func theAPIIsConnectedToWhileTheKeyringAnswersAndNothingIsSentWithoutTheCredential() throws {
        let silent = try SilentAPIAndBus(tokenName: "ahead")
        defer { silent.close() }

        let run = try silent.world.user.nsx(["servers", "get", "srv_000000000000"], extraEnvironment: silent.environment)
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.contains("the keyring did not answer in time"), "\(run)")
        let connections = silent.api.takeConnections()
        #expect(connections.count == 1, "connections: \(connections.count)")
        #expect(connections.allSatisfy { $0.isEmpty }, "sent without a credential: \(connections.map { String(decoding: $0, as: UTF8.self) })")
    }

    /// The lookup child's choreography leaves the command as it was: the parent moves off
    /// the child's CPU and gives its affinity back, and only the thread that opens libcurl
    /// beside the child runs at a lower priority. Checked on the real binary's main thread
    /// while it waits, connected, for a keyring that never answers.
    @Test func aLookupChildLeavesTheCommandsPriorityAndCPUsAsTheyWere() throws {
        let silent = try SilentAPIAndBus(tokenName: "beside")
        defer { silent.close() }

        // What nsx starts with: this thread's (posix_spawn passes both on).
        let ownNice = try #require(ProcStat("/proc/thread-self")?.number(19))
        let ownCPUs = try #require(ThreadAffinity.cpus())
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(null) }
        let pid = try spawn(BuildProducts.nsx.path, ["servers", "get", "srv_000000000000"],
                            environment: silent.world.user.environment.merging(silent.environment) { $1 }, stdout: null, stderr: null)
        var exited = false
        defer { if !exited { kill(pid, SIGKILL); _ = waitForExit(pid) } }
        // Connected: libcurl is open and the child has been started (the keyring then keeps
        // nsx waiting for 5 s).
        try #require(silent.api.waitForConnection(timeout: .seconds(20)), "nsx never connected to the API")
        try #require(!ProcStat.children(of: pid).isEmpty, "no lookup child: the read did not run ahead")
        // With one CPU there is nowhere to step aside to; the checks then still hold.
        #expect(ProcStat("/proc/\(pid)/task/\(pid)")?.number(19) == ownNice, "the command's own thread runs at another priority")
        #expect(ThreadAffinity.cpus(of: pid) == ownCPUs, "the command's CPUs were not given back")
        let status = waitForExit(pid)
        exited = true
        #expect(status == 3, "exit status \(status)")
    }

    /// A profile logged in with an API token (whose `get` connects while the keyring answers),
    /// as if at an API that is a listener recording what reaches it, and a session bus that
    /// never answers (the profile's secret is never reached).
    private struct SilentAPIAndBus {
        let world: AuthWorld
        let api: SilentSocket
        let bus: SilentSocket
        /// For nsx: the silent bus and the listener's URL.
        let environment: [String: String]

        init(tokenName: String) throws {
            world = try AuthWorld()
            let token = try world.createToken(name: tokenName, permissions: ["servers:read"])
            let login = try world.user.nsx(["login", "--with-token"], stdin: token)
            guard login.status == 0 else { throw WorldError.failed(["login", "--with-token"], login) }
            api = try SilentSocket(loopbackTCP: ())
            let apiURL = "http://127.0.0.1:\(api.port)"
            let configFile = world.user.configDir.appendingPathComponent("config.json")
            var config = try world.configJSON()
            var profiles = try #require(config["profiles"] as? [String: Any])
            var profile = try #require(profiles["default"] as? [String: Any])
            profile["api_url"] = apiURL
            profiles["default"] = profile
            config["profiles"] = profiles
            try JSONSerialization.data(withJSONObject: config).write(to: configFile)
            let socketPath = world.user.configDir.appendingPathComponent("silent.sock").path
            bus = try SilentSocket(path: socketPath)
            environment = ["DBUS_SESSION_BUS_ADDRESS": "unix:path=\(socketPath)", "NSX_API_URL": apiURL]
        }

        func close() {
            api.close()
            bus.close()
        }
    }

    /// A locked keyring with no prompter to unlock it: the request says the keyring is locked
    /// (exit 3), not that the profile has no secret. It runs in a keyring of its own
    /// (`scripts/with-keyring`): locking the suite's keyring would disturb the other tests.
    @Test func aLockedKeyringIsReportedAsLocked() throws {
        let world = try AuthWorld()
        let token = try world.createToken(name: "locked", permissions: ["servers:read"])
        let script = """
            printf %s "$NSX_TEST_TOKEN" | "$0" login --with-token >/dev/null || exit 90
            dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
                org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null || exit 91
            exec "$0" servers list
            """
        var environment = world.user.environment
        environment["NSX_TEST_TOKEN"] = token
        // Never let a desktop prompter pop up during tests.
        environment["DISPLAY"] = nil
        environment["WAYLAND_DISPLAY"] = nil
        // TestSupport's `run`, not Foundation's Process: the bus daemon must be stoppable (SIGTERM).
        let withKeyring = BuildProducts.packageRoot.appendingPathComponent("scripts/with-keyring").path
        let result = try run(withKeyring, ["/bin/sh", "-c", script, BuildProducts.nsx.path], environment: environment)
        #expect(result.status == 3, "\(result.output)")
        #expect(result.output.contains("error: the keyring is locked"), "\(result.output)")
        #expect(!result.output.contains(token))
    }

    @Test func insecureStorageWritesA0600FileEvenUnderUmask000() throws {
        let world = try AuthWorld()
        let folder = world.user.configDir.appendingPathComponent("nested/nsx")
        var environment = world.user.environment
        environment["NSX_CONFIG_DIR"] = folder.path
        for name in Self.noBus { environment.removeValue(forKey: name) }
        let command = "umask 000; exec \(shellWord(BuildProducts.nsx.path)) login --insecure-storage --email \(shellWord(TestServer.email)) --password-stdin"
        let run = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: environment, stdin: TestServer.password + "\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("warning: the secret is stored unencrypted in \(folder.path)/credentials.json (mode 0600)"))
        #expect(try AuthWorld.mode(folder.path) == 0o700)
        #expect(try AuthWorld.mode(folder.appendingPathComponent("credentials.json").path) == 0o600)
        #expect(try AuthWorld.mode(folder.appendingPathComponent("config.json").path) == 0o600)

        // It works without any keyring, says where the secret is, and the file holds the session.
        let status = try runProcess(BuildProducts.nsx, ["auth", "status", "--json"], environment: environment)
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("\"source\": \"file\""))
        let token = try runProcess(BuildProducts.nsx, ["auth", "token"], environment: environment).stdout.trimmingCharacters(in: .newlines)
        let credentials = try String(contentsOf: folder.appendingPathComponent("credentials.json"), encoding: .utf8)
        #expect(credentials.contains(token))
        #expect(!(try String(contentsOf: folder.appendingPathComponent("config.json"), encoding: .utf8)).contains(token))

        // Logging out removes it again.
        let logout = try runProcess(BuildProducts.nsx, ["logout"], environment: environment)
        #expect(logout.status == 0, "\(logout)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("credentials.json").path))
        #expect(try world.httpStatus(token: token) == 401)
    }

    /// Fifty processes log in to fifty profiles at once; each rewrites config.json under its
    /// lock. A lost update would drop a profile.
    @Test func fiftyConcurrentLoginsAllLand() throws {
        let world = try AuthWorld()
        let token = try world.createToken(name: "fleet", permissions: ["servers:read"])
        let profiles = (0..<50).map { "p\($0)" }
        let results = try runConcurrently(profiles.map { ["login", "--with-token", "--profile", $0] }, stdin: token + "\n", user: world.user)
        for (profile, result) in zip(profiles, results) {
            #expect(result.status == 0, "\(profile): \(result)")
        }
        let list = try #require(try world.user.nsx("auth", "list", "-o", "json").json() as? [[String: Any]])
        #expect(Set(list.compactMap { $0["profile"] as? String }) == Set(profiles))
        #expect(list.allSatisfy { $0["user"] as? String == "fleet" })
        for profile in ["p0", "p17", "p49"] {
            #expect(try AuthWorld.secretTool(["lookup", "profile", profile, "api_url", world.server.url]).stdout == token)
        }
        #expect(try world.user.nsx("auth", "token", "--profile", "p33").stdout == token + "\n")
    }
}

/// Starts every command at once (each its own process, stdout and stderr to files so no pipe
/// needs draining), then waits for all of them.
func runConcurrently(_ commands: [[String]], stdin: String?, user: NSXUser) throws -> [RunResult] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-concurrent-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var running: [(Process, URL, URL)] = []
    for (index, arguments) in commands.enumerated() {
        let out = folder.appendingPathComponent("\(index).out"), err = folder.appendingPathComponent("\(index).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = BuildProducts.nsx
        process.arguments = arguments
        process.environment = user.environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin { feed(stdin, to: input) }
        running.append((process, out, err))
    }
    // A hang fails the test instead of the suite.
    let deadline = Date().addingTimeInterval(180)
    while running.contains(where: { $0.0.isRunning }) {
        if Date() > deadline {
            for (process, _, _) in running where process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw HarnessError.timedOut(["\(commands.count) concurrent nsx runs"])
        }
        usleep(20_000)
    }
    return try running.map { process, out, err in
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus,
                         stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

/// A word for /bin/sh, single-quoted.
func shellWord(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
