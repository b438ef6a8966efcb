import Foundation
import Testing

/// `nsx config list|get|set|path` with the real binary and a real config folder.
@Suite struct ConfigEndToEndTests {
    @Test func setGetListPathRoundTrip() throws {
        let world = try AuthWorld()
        let user = world.user
        #expect(try user.nsx("config", "path").stdout == user.configDir.path + "\n")
        #expect(try user.nsx("config", "get", "output").stdout == "table\n")
        let set = try user.nsx("config", "set", "output", "yaml")
        #expect(set.status == 0, "\(set)")
        #expect(set.stderr == "✓ Set output to yaml\n")
        #expect(set.stdout.isEmpty)
        #expect(try user.nsx("config", "set", "color", "never").status == 0)
        #expect(try user.nsx("config", "set", "profile", "work").status == 0)
        #expect(try user.nsx("config", "set", "api_url", "https://nsx.example.com/").status == 0)
        #expect(try user.nsx("config", "get", "api_url").stdout == "https://nsx.example.com\n")

        let list = try user.nsx("config", "list", "-o", "json")
        #expect(try list.json() as? [String: String] == ["api_url": "https://nsx.example.com", "output": "yaml", "color": "never", "profile": "work"])
        // The stored output format applies when nothing else says otherwise.
        #expect(try user.nsx("config", "list").stdout == "api_url: https://nsx.example.com\noutput: yaml\ncolor: never\nprofile: work\n")
        #expect(try user.nsx("config", "list", "-o", "table").stdout.hasPrefix("api_url:"))
        // The default profile setting is the profile in use.
        #expect(try user.nsx("auth", "status").stderr.contains("not logged in (profile \"work\")"))

        #expect(try AuthWorld.mode(user.configDir.appendingPathComponent("config.json").path) == 0o600)
        let unset = try user.nsx("config", "set", "output", "")
        #expect(unset.stderr == "✓ Removed output; the default is table\n")
        #expect(try user.nsx("config", "get", "output").stdout == "table\n")
    }

    @Test func theStoredAPIURLIsWhereLoginGoes() throws {
        let world = try AuthWorld()
        var environment = world.user.environment
        environment.removeValue(forKey: "NSX_API_URL")
        let set = try runProcess(BuildProducts.nsx, ["config", "set", "api_url", world.server.url], environment: environment)
        #expect(set.status == 0, "\(set)")
        let login = try runProcess(BuildProducts.nsx, ["login", "--email", TestServer.email, "--password-stdin"],
                                   environment: environment, stdin: TestServer.password + "\n")
        #expect(login.status == 0, "\(login)")
        #expect(login.stderr.contains("Logged in to \(world.server.url)"))
        let status = try runProcess(BuildProducts.nsx, ["auth", "status", "--json"], environment: environment)
        #expect(status.stdout.contains("\"api_url\": \"\(world.server.url)\""))
        #expect(try runProcess(BuildProducts.nsx, ["logout"], environment: environment).status == 0)
    }

    @Test(arguments: [
        (["config", "set", "outptu", "json"], "Did you mean \"output\"?"),
        (["config", "get", "colour"], "Did you mean \"color\"?"),
        (["config", "set", "output", "jsonn"], "Did you mean \"json\"?"),
        (["config", "set", "color", "alway"], "Use one of: auto, never."),
        (["config", "set", "api_url", "http://nsx.example.com"], "plain http is only allowed to loopback addresses"),
        (["config", "set", "api_url", "nsx.example.com"], "it must start with https://"),
        (["config", "set", "profile", "a b"], "invalid profile name \"a b\""),
        (["config", "set", "output"], "missing argument VALUE"),
        (["config", "sett", "output", "json"], "Did you mean \"set\"?"),
    ])
    func badKeysAndValuesAreUsageErrors(_ arguments: [String], _ expected: String) throws {
        let world = try AuthWorld()
        let run = try world.user.nsx(arguments)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains(expected), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: world.user.configDir.appendingPathComponent("config.json").path))
    }

    @Test func aCorruptConfigFileIsNamedNotACrash() throws {
        let world = try AuthWorld()
        let file = world.user.configDir.appendingPathComponent("config.json")
        try Data("{\"profiles\": [1, 2".utf8).write(to: file)
        let run = try world.user.nsx("config", "list")
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.hasPrefix("error: \(file.path) is not a valid nsx config file"))
        let status = try world.user.nsx("auth", "status")
        #expect(status.status == 1)
        #expect(status.stderr.contains(file.path))
    }

    /// Every config set of a storm lands in a file that stays valid; each key ends with one
    /// of the values written for it, and other facts in the file survive.
    @Test func concurrentConfigSetsLoseNothing() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let values: [(String, [String])] = [
            ("output", ["json", "yaml", "csv", "ndjson", "table"]),
            ("color", ["auto", "never"]),
            ("profile", (0..<5).map { "profile\($0)" }),
            ("api_url", (0..<5).map { "https://api\($0).example.com" }),
        ]
        var commands: [[String]] = []
        for index in 0..<48 {
            let (key, choices) = values[index % values.count]
            commands.append(["config", "set", key, choices[index / values.count % choices.count]])
        }
        let results = try runConcurrently(commands, stdin: nil, user: world.user)
        for (command, result) in zip(commands, results) {
            #expect(result.status == 0, "\(command): \(result)")
        }
        let list = try #require(try world.user.nsx("config", "list", "-o", "json").json() as? [String: String])
        for (key, choices) in values {
            #expect(list[key].map(choices.contains) == true, "\(key) = \(list[key] ?? "nil")")
        }
        #expect((try world.configJSON()["profiles"] as? [String: Any])?["default"] != nil, "the login's facts survived")
    }
}
