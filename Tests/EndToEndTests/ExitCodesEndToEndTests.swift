import Foundation
import Testing

/// The exit codes (Sources/NSXCLI/Errors/ExitCode.swift), each provoked for real; the quiet end of a closed stdout; the
/// commands about nsx itself (help, version, completion, doctor).
@Suite struct ExitCodesEndToEndTests {
    @Test func usageIs2() throws {
        let world = try AuthWorld()
        let run = try world.user.nsx("servers", "list", "--bogus")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: unknown option --bogus\n"))
        let command = try world.user.nsx("sevrers")
        #expect(command.status == 2)
        #expect(command.stderr.contains("Did you mean \"servers\"?"))
    }

    @Test func notAuthenticatedIs3() throws {
        let world = try AuthWorld()
        let run = try world.user.nsx("servers", "list")
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.hasPrefix("error: not logged in (profile \"default\")\n"))
        let bogus = try world.user.nsx(["servers", "list"], extraEnvironment: ["NSX_TOKEN": "nsx_live_" + String(repeating: "x", count: 32)])
        #expect(bogus.status == 3, "\(bogus)")
        #expect(bogus.stderr.contains("Invalid or missing authentication token"))
    }

    @Test func permissionDeniedIs4() throws {
        let world = try AuthWorld()
        let token = try world.createToken(name: "reader", permissions: ["settings:read"])
        #expect(try world.user.nsx(["login", "--with-token"], stdin: token + "\n").status == 0)
        let run = try world.user.nsx("servers", "list")
        #expect(run.status == 4, "\(run)")
        #expect(run.stderr.hasPrefix("error: Token does not have permission: servers:read\n"))
    }

    @Test func notFoundIs5() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let run = try world.user.nsx("servers", "get", "srv_doesnotexist1")
        #expect(run.status == 5, "\(run)")
        #expect(run.stderr.contains("srv_doesnotexist1"))
    }

    @Test func networkIs7() throws {
        let world = try AuthWorld()
        let token = "nsx_live_" + String(repeating: "a", count: 32)
        let status = try world.user.nsx(["--api-url", "http://127.0.0.1:1", "auth", "status"], extraEnvironment: ["NSX_TOKEN": token])
        #expect(status.status == 7, "\(status)")
        #expect(status.stderr.hasPrefix("error: cannot connect to the API"))
        let login = try world.user.nsx(["login", "--with-token", "--api-url", "http://127.0.0.1:1"], stdin: token + "\n")
        #expect(login.status == 7, "\(login)")
        #expect(!FileManager.default.fileExists(atPath: world.user.configDir.appendingPathComponent("config.json").path))
    }

    @Test func rateLimitedLoginIs8WithTheWait() throws {
        let world = try AuthWorld()
        for _ in 0..<5 { #expect(try world.user.login(password: "wrong").status == 3) }
        let run = try world.user.login()
        #expect(run.status == 8, "\(run)")
        #expect(run.stderr.contains("the server asked to wait"))
    }

    /// stdout's reader is gone before nsx writes: nsx ends at once, quietly, with status 0.
    @Test(arguments: [["auth", "list", "-o", "json"], ["completion", "bash"], ["help", "exit-codes"], ["auth", "token"]])
    func aClosedStdoutEndsQuietly(_ arguments: [String]) throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let process = Process()
        process.executableURL = BuildProducts.nsx
        process.arguments = arguments
        process.environment = world.user.environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try out.fileHandleForReading.close()
        try process.run()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(errors.isEmpty, "\(String(decoding: errors, as: UTF8.self))")
    }

    @Test func pipedIntoHeadEndsQuietly() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let command = "\(shellWord(BuildProducts.nsx.path)) completion fish | head -c1; echo \" status=${PIPESTATUS[0]}\""
        let run = try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", command], environment: world.user.environment)
        #expect(run.stdout.hasSuffix(" status=0\n"), "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
    }

    @Test func versionAndHelp() throws {
        let world = try AuthWorld()
        #expect(try world.user.nsx("--version").stdout == "nsx 0.1.0\n")
        // `version` adds the commit and build date the plugin recorded (this checkout has a .git).
        let long = try world.user.nsx("version").stdout
        #expect(long.range(of: #"^nsx 0\.1\.0 \(commit [0-9a-f]{12}, built \d{4}-\d{2}-\d{2}\)\n$"#, options: .regularExpression) != nil, "\(long)")
        let json = try #require(try world.user.nsx("version", "-o", "json").json() as? [String: Any])
        #expect(Set(json.keys) == ["version", "commit", "build_date"])
        #expect(json["version"] as? String == "0.1.0")
        let codes = try world.user.nsx("help", "exit-codes")
        #expect(codes.status == 0)
        #expect(codes.stdout.contains("  3    not authenticated"))
        #expect(codes.stdout.contains("  130  interrupted"))
        let environment = try world.user.nsx("help", "environment")
        #expect(environment.stdout.contains("  NSX_TOKEN "))
        let help = try world.user.nsx("help", "auth", "status")
        #expect(help.status == 0)
        #expect(help.stdout == (try world.user.nsx("auth", "status", "--help")).stdout)
        let unknown = try world.user.nsx("help", "sevrers")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Did you mean \"servers\"?"))
    }

    @Test func completionScriptsLoadInTheirShells() throws {
        let world = try AuthWorld()
        let nsx = shellWord(BuildProducts.nsx.path)
        let bash = try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", "source <(\(nsx) completion bash) && complete -p nsx"],
                                  environment: world.user.environment)
        #expect(bash.status == 0, "\(bash)")
        #expect(bash.stdout.contains("nsx"))
        for shell in ["zsh", "fish"] {
            let run = try world.user.nsx("completion", shell)
            #expect(run.status == 0 && run.stdout.contains("login"))
        }
        let man = try world.user.nsx("man")
        #expect(man.stdout.hasPrefix(".\\\" Generated from the command tree of nsx"))
        #expect(man.stdout.contains(".SH \"EXIT STATUS\""))
    }
}

/// `nsx doctor`: every check, passing and failing, against the real keyring and server.
@Suite struct DoctorEndToEndTests {
    @Test func allGoodAfterLogin() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        let run = try world.user.nsx("doctor")
        #expect(run.status == 0, "\(run)")
        for check in ["✓ Config folder", "✓ Secret Service", "✓ Credential", "✓ API", "✓ Clock", "✓ Valid", "✓ Expiry"] {
            #expect(run.stdout.contains(check), "\(check) missing: \(run)")
        }
        #expect(run.stdout.contains("reachable and unlocked"))
        #expect(run.stdout.contains(" ms"))
        #expect(!run.stdout.contains(try world.token()))
    }

    @Test func notLoggedInFailsWithAFix() throws {
        let world = try AuthWorld()
        let run = try world.user.nsx("doctor")
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains("✗ Credential"))
        #expect(run.stdout.contains("fix: Run `nsx login`"))
        #expect(run.stderr == "error: 1 check failed\n")
    }

    @Test func worksWithNSXTokenAndNoKeyring() throws {
        let world = try AuthWorld()
        let token = try world.createToken(name: "doc", permissions: ["servers:read"])
        let run = try world.user.nsx(["doctor", "-o", "json"], extraEnvironment: ["NSX_TOKEN": token], removing: CredentialStorageEndToEndTests.noBus)
        #expect(run.status == 0, "\(run)")
        let checks = try #require(try run.json() as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: checks.map { ($0["check"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(status == ["Config folder": "ok", "Secret Service": "skipped", "Credential": "ok", "API": "ok",
                           "Clock": "ok", "Valid": "ok", "Expiry": "ok"])
        #expect(!run.stdout.contains(token))
    }

    @Test func anUnreachableAPIAndLooseModesFail() throws {
        let world = try AuthWorld()
        try world.loggedIn()
        chmod(world.user.configDir.appendingPathComponent("config.json").path, 0o644)
        let run = try world.user.nsx("--api-url", "http://127.0.0.1:1", "doctor")
        #expect(run.status == 1)
        #expect(run.stdout.contains("✗ Config folder"))
        #expect(run.stdout.contains("config.json has mode 0644, expected 0600"))
        #expect(run.stdout.contains("✗ API"))
        #expect(run.stdout.contains("– Clock"))
    }
}
