import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What an attacker (or an unlucky setup) tries in the first hour: a profile labelled test
/// that acts on live, a name that resolves somewhere else over plain http, a symlinked lock
/// file, a loose config folder, a core dump of a process that holds a session. Each test
/// failed on 341a432.
@Suite("safety at the edges")
struct SafetyEndToEndTests {
    // MARK: 1. a profile logged in for test acts in test

    @Test("a profile logged in with --test acts on test resources in every command, and says TEST")
    func testProfileActsInTest() throws {
        let world = try ResourceWorld()
        let login = try world.user.nsx(["--profile", "t", "--test", "login", "--email", TestServer.email, "--password-stdin"],
                                       stdin: TestServer.password + "\n")
        #expect(login.status == 0, "\(login)")
        _ = try world.createServer("live-1")

        // Without --test, through the test profile: made in test, seen in test only.
        let made = try world.object(["--profile", "t", "servers", "create", "--name", "test-1", "--region", "us-east", "--plan", "basic-1"])
        let id = try #require(made["id"] as? String)
        #expect(try world.array(["--profile", "t", "servers", "list"]).compactMap { $0["name"] as? String } == ["test-1"])
        #expect(try world.array(["servers", "list"]).compactMap { $0["name"] as? String } == ["live-1"])
        #expect(try world.array(["servers", "list", "--test"]).compactMap { $0["id"] as? String } == [id])
        let traced = try world.ok(["--profile", "t", "-v", "servers", "get", "test-1"])
        #expect(traced.stderr.contains("> Nurosentrix-Environment: test"), "\(traced)")

        // auth status says so, in words and in JSON.
        let status = try world.ok(["--profile", "t", "auth", "status"])
        #expect(status.stdout.contains("Environment:  TEST"), "\(status)")
        #expect(try world.object(["--profile", "t", "auth", "status"])["environment"] as? String == "test")
        let listed = try #require(try world.array(["auth", "list"]).first { $0["profile"] as? String == "t" })
        #expect(listed["environment"] as? String == "test")

        // A token made through it is a test token.
        let token = try world.object(["--profile", "t", "tokens", "create", "--name", "ci", "--perm", "servers:read"])
        #expect(token["environment"] as? String == "test")
        #expect((token["token"] as? String)?.hasPrefix("nsx_test_") == true)
    }

    // MARK: 2. plain http reaches loopback only, by address

    @Test("plain http to `localhost.` is refused before anything is sent; `localhost` is pinned to 127.0.0.1/::1")
    func loopbackMeansLoopback() throws {
        // In a private mount namespace, /etc/hosts sends both names to 127.0.0.2, where a
        // listener records what reaches it: the stand-in for "whatever DNS answered".
        let secret = "nsx_live_" + String(repeating: "S", count: 32)
        let script = #"""
import json, os, socket, subprocess, sys, tempfile, threading
nsx, secret = sys.argv[1], sys.argv[2]
hosts = tempfile.NamedTemporaryFile("w", delete=False)
hosts.write("127.0.0.2 localhost. localhost\n")
hosts.close()
subprocess.run(["mount", "--bind", hosts.name, "/etc/hosts"], check=True)
listener = socket.socket()
listener.bind(("127.0.0.2", 0))
listener.listen(8)
port = listener.getsockname()[1]
received = []
def serve():
    while True:
        connection, _ = listener.accept()
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
        received.append(data.decode("latin-1"))
        body = b'{"success":true,"data":[],"meta":{"limit":20,"next_cursor":null,"has_more":false}}'
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: req_listener0000\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        connection.close()
threading.Thread(target=serve, daemon=True).start()
env = dict(os.environ, NSX_TOKEN=secret)
runs = {}
for name, host in [("literal", "127.0.0.2"), ("dot", "localhost."), ("plain", "localhost")]:
    before = len(received)
    run = subprocess.run([nsx, "--api-url", "http://%s:%d" % (host, port), "--timeout", "5", "servers", "list", "-o", "json"],
                         env=env, capture_output=True, text=True, timeout=60)
    runs[name] = {"status": run.returncode, "stderr": run.stderr, "received": received[before:]}
print(json.dumps(runs))
"""#
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("NSX_") { environment.removeValue(forKey: key) }
        let configDir = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: configDir) }
        environment["NSX_CONFIG_DIR"] = configDir.path
        let run = try runProcess(URL(fileURLWithPath: "/usr/bin/unshare"),
                                 ["--user", "--map-root-user", "--mount", "/usr/bin/python3", "-c", script, BuildProducts.nsx.path, secret],
                                 environment: environment, timeout: 120)
        #expect(run.status == 0, "the namespace with its own /etc/hosts (unshare from util-linux) must work here: \(run)")
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [String: Any]], "\(run)")

        // The control: a loopback address as a literal is allowed, and the listener works.
        let literal = try #require(runs["literal"])
        #expect(literal["status"] as? Int == 0, "\(literal)")
        #expect((literal["received"] as? [String])?.first?.contains("Authorization: Bearer \(secret)") == true, "\(literal)")

        // `localhost.` goes through the resolver: refused, and nothing reaches anyone.
        let dot = try #require(runs["dot"])
        #expect(dot["status"] as? Int == 2, "\(dot)")
        #expect((dot["stderr"] as? String)?.contains("plain http is only allowed to loopback") == true, "\(dot)")
        #expect((dot["received"] as? [String])?.isEmpty == true, "no byte, let alone the token, was sent: \(dot)")

        // `localhost` is never looked up: it is 127.0.0.1 (or ::1), where nothing listens here.
        let plain = try #require(runs["plain"])
        #expect(plain["status"] as? Int == 7, "\(plain)")
        #expect((plain["received"] as? [String])?.isEmpty == true, "\(plain)")
    }

    // MARK: 4. the config folder and its lock file

    @Test("a config.lock symlink is refused and its target keeps its mode")
    func lockSymlinkIsNotFollowed() throws {
        let server = try TestServer()
        let user = try NSXUser(server: server)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: user.configDir.path)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-lock-target-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: target) }
        FileManager.default.createFile(atPath: target.path, contents: Data("someone else's file\n".utf8),
                                       attributes: [.posixPermissions: 0o644])
        try FileManager.default.createSymbolicLink(atPath: user.configDir.appendingPathComponent("config.lock").path,
                                                   withDestinationPath: target.path)

        let set = try user.nsx(["config", "set", "output", "json"])
        #expect(set.status == 1, "\(set)")
        #expect(set.stderr.contains("config.lock is a symbolic link"), "\(set)")
        #expect(set.stderr.contains("rm \(user.configDir.path)/config.lock"), "\(set)")
        #expect(try Self.mode(target.path) == 0o644, "the symlink's target was not chmod'ed")
        #expect(try String(contentsOf: target, encoding: .utf8) == "someone else's file\n")
        #expect(!FileManager.default.fileExists(atPath: user.configDir.appendingPathComponent("config.json").path))
    }

    @Test("a config folder others can write to, or a symlink to one owned by someone else, is refused with the fix")
    func looseConfigFolderIsRefused() throws {
        let server = try TestServer()
        let user = try NSXUser(server: server)
        try #require(user.login().status == 0)
        let folder = user.configDir.path

        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
        let loose = try user.nsx(["servers", "list"])
        #expect(loose.status == 1, "\(loose)")
        #expect(loose.stderr.contains("\(folder) is writable by others (mode 0777)"), "\(loose)")
        #expect(loose.stderr.contains("chmod 700 \(folder)"), "\(loose)")
        let looseSet = try user.nsx(["config", "set", "output", "json"])
        #expect(looseSet.status == 1, "\(looseSet)")

        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        #expect(try user.nsx(["servers", "list"]).status == 0)

        // A symlink owned by another user standing in for the folder.
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-link-\(UUID().uuidString)").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let otherUID: uid_t = getuid() == 0 ? 65534 : getuid()
        if getuid() == 0 { #expect(lchown(link, otherUID, otherUID) == 0) }
        let viaLink = try user.nsx(["servers", "list"], extraEnvironment: ["NSX_CONFIG_DIR": link])
        if getuid() == 0 {
            #expect(viaLink.status == 1, "\(viaLink)")
            #expect(viaLink.stderr.contains("\(link) is a symbolic link owned by another user"), "\(viaLink)")
        }
        // Our own symlink to our own 0700 folder is fine.
        let ours = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-link-\(UUID().uuidString)").path
        try FileManager.default.createSymbolicLink(atPath: ours, withDestinationPath: folder)
        defer { try? FileManager.default.removeItem(atPath: ours) }
        #expect(try user.nsx(["auth", "status"], extraEnvironment: ["NSX_CONFIG_DIR": ours]).status == 0)
    }

    // MARK: 5. no core dump holds the session

    @Test("a running nsx is not dumpable and has a core limit of 0, whatever it inherited")
    func noCoreDumps() throws {
        let world = try ResourceWorld()
        let session = try world.sessionToken()
        // The list answer is held back for 3 seconds, so nsx is still running when we look.
        try world.server.injectFault(#"{"method":"GET","path_prefix":"/api/v1/servers","delay_ms":3000}"#)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: privateFolder)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Run as another user than the test when the test is root: root sees every /proc file,
        // so only then does the owner of /proc/PID/environ tell dumpable (the user) from not (root).
        let runAs = getuid() == 0 ? 65534 : Int(getuid())
        if getuid() == 0 { #expect(chown(folder.path, 65534, 65534) == 0) }
        let script = #"""
import json, os, resource, subprocess, sys, time
nsx, session, folder, uid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def start():
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))  # as generous as allowed
    if os.getuid() != uid:
        os.setgid(uid)
        os.setuid(uid)
env = dict(os.environ, NSX_TOKEN=session, NSX_CONFIG_DIR=folder, HOME=folder)
child = subprocess.Popen([nsx, "servers", "list"], env=env, preexec_fn=start, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(1.0)
status = open("/proc/%d/status" % child.pid).read()
limits = open("/proc/%d/limits" % child.pid).read()
environ_owner = os.stat("/proc/%d/environ" % child.pid).st_uid
core = [line for line in limits.splitlines() if line.startswith("Max core file size")][0].split()[4:6]
uid_line = [line for line in status.splitlines() if line.startswith("Uid:")][0].split()[1:]
print(json.dumps({"uid": uid_line, "core": core, "environ_owner": environ_owner, "exit": child.wait(timeout=60)}))
"""#
        let run = try runProcess(URL(fileURLWithPath: "/usr/bin/python3"),
                                 ["-c", script, BuildProducts.nsx.path, session, folder.path, String(runAs)],
                                 environment: world.user.environment, timeout: 90)
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
        #expect((facts["uid"] as? [String])?.first == String(runAs), "\(facts)")
        #expect(facts["core"] as? [String] == ["0", "0"], "RLIMIT_CORE soft and hard 0: \(facts)")
        #expect(facts["environ_owner"] as? Int == 0, "not dumpable: /proc/PID files belong to root: \(facts)")
        #expect(facts["exit"] as? Int == 0, "\(facts)")
    }

    static func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
