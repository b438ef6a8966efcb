import Foundation
import Testing

/// A new user's first hour at a real terminal (a pseudo-terminal): colour, prompts, rate
/// limits, narrow windows, times, `--wait` on several things and Ctrl-C. Each test failed
/// on 341a432, except where its comment says the bug was already gone.
@Suite("a new user at a terminal")
struct FirstHourTerminalEndToEndTests {
    static let escape = "\u{1B}["

    // MARK: 6. one colour decision, errors included

    @Test("an API error's error:, hint: and request id: lines have no colour when colour is off, and do when it is on")
    func colourOfAPIErrors() throws {
        let world = try ResourceWorld()
        let stale = ["NSX_TOKEN": "nsx_live_" + String(repeating: "x", count: 32)]
        func rejected(_ extra: [String: String] = [:], flags: [String] = []) throws -> TerminalRun {
            try world.user.onTerminal(flags + ["servers", "list"], extraEnvironment: stale.merging(extra) { $1 })
        }
        let coloured = try rejected(["NO_COLOR": ""])
        #expect(coloured.status == 3, "\(coloured)")
        #expect(coloured.output.contains("\(Self.escape)31merror:"), "an empty NO_COLOR does not count: \(coloured)")
        #expect(coloured.output.contains("\(Self.escape)2mhint:"), "\(coloured)")
        #expect(coloured.output.contains("\(Self.escape)2mrequest id: req_"), "\(coloured)")

        for (extra, flags) in [(["NO_COLOR": "1"], [String]()), (["TERM": "dumb"], []), ([:], ["--no-color"])] {
            let plain = try rejected(extra, flags: flags)
            #expect(plain.status == 3, "\(plain)")
            #expect(plain.output.contains("hint: "), "\(plain)")
            #expect(plain.output.contains("request id: req_"), "\(plain)")
            #expect(!plain.output.contains(Self.escape), "\(extra) \(flags): \(plain)")
        }
        try world.ok(["config", "set", "color", "never"])
        let never = try rejected()
        #expect(!never.output.contains(Self.escape), "\(never)")
    }

    // MARK: 7. styling after escaping

    @Test("auth status dims the user ID with a real escape sequence, never one escaped into ^[[2m")
    func authStatusStyle() throws {
        // Already right on 341a432's successor (issue 9 made StyledText escape before styling).
        let world = try ResourceWorld()
        let run = try world.user.onTerminal(["auth", "status"])
        #expect(run.status == 0, "\(run)")
        #expect(run.output.contains("\(Self.escape)2musr_"), "\(run)")
        #expect(!run.output.contains("^["), "\(run)")
    }

    // MARK: 8. resolve, then confirm with names and IDs

    @Test("delete resolves first: an unknown name is exit 5 without a question; the question names and IDs what goes")
    func resolveThenConfirm() throws {
        let world = try ResourceWorld()
        let server = try world.createServer("web-1")
        let instance = try world.createInstance("app-1", server: server)
        let nightly = try #require(try world.object(["backups", "create", "--instance", instance, "--name", "nightly", "--wait"])["id"] as? String)
        let weekly = try #require(try world.object(["backups", "create", "--instance", instance, "--name", "weekly", "--wait"])["id"] as? String)

        let unknown = try world.user.onTerminal(["servers", "delete", "no-such-name"], answers: [TerminalAnswer(prompt: "[y/N]", answer: "y")])
        #expect(unknown.status == 5, "\(unknown)")
        #expect(!unknown.text.contains("[y/N]"), "no question about something that does not exist: \(unknown)")
        #expect(unknown.text.contains("error: no server named \"no-such-name\""), "\(unknown)")

        let one = try world.user.onTerminal(["servers", "delete", "web-1"], answers: [TerminalAnswer(prompt: "[y/N]", answer: "n")])
        #expect(one.text.contains("Delete server web-1 (\(server))? [y/N]"), "\(one)")

        let two = try world.user.onTerminal(["backups", "delete", nightly, weekly], answers: [TerminalAnswer(prompt: "[y/N]", answer: "y")])
        #expect(two.status == 0, "\(two)")
        #expect(two.text.contains("Delete 2 backups: nightly (\(nightly)), weekly (\(weekly))? [y/N]"), "\(two)")
        #expect(try world.array(["backups", "list"]).isEmpty)

        let mixed = try world.user.onTerminal(["instances", "delete", "app-1", "ins_nothere"], answers: [TerminalAnswer(prompt: "[y/N]", answer: "y")])
        #expect(mixed.status == 5, "\(mixed)")
        #expect(!mixed.text.contains("[y/N]"), "\(mixed)")
        #expect(try world.object(["instances", "get", instance])["id"] as? String == instance, "nothing was deleted")
    }

    // MARK: 9. rate limited, said out loud

    @Test("rate limited on a terminal: `rate limited; retrying in N s (Ctrl-C to stop)`, at most 3 retries; silent when piped")
    func rateLimitedOnATerminal() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("web-1")
        try world.server.injectFault(#"{"count":1,"status":429,"retry_after":2,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let waited = try world.user.onTerminal(["servers", "list"])
        #expect(waited.status == 0, "\(waited)")
        #expect(waited.text.contains("rate limited; retrying in 2 s (Ctrl-C to stop)"), "\(waited)")
        #expect(waited.text.contains("web-1"), "\(waited)")

        try world.server.injectFault(#"{"count":1,"status":429,"retry_after":1,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let piped = try world.ok(["servers", "list"])
        #expect(!piped.stderr.contains("retrying"), "\(piped)")

        // Every attempt rate limited: 1 + 3 retries, then exit 8.
        try world.server.injectFault(#"{"count":10,"status":429,"retry_after":1,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let gaveUp = try world.user.onTerminal(["servers", "list"])
        #expect(gaveUp.status == 8, "\(gaveUp)")
        #expect(gaveUp.text.components(separatedBy: "rate limited; retrying in 1 s (Ctrl-C to stop)").count == 4, "\(gaveUp)")
        let left = try Curl.run(["-sS", "\(world.server.url)/__faults"])
        #expect(left.stdout.contains(#""remaining":6"#), "4 attempts took 4 of the 10: \(left)")
        _ = try Curl.run(["-sS", "-X", "DELETE", "\(world.server.url)/__faults"])

        // A wait longer than the 2-minute budget is not started at all.
        try world.server.injectFault(#"{"count":1,"status":429,"retry_after":121,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let tooLong = try world.user.onTerminal(["servers", "list"])
        #expect(tooLong.status == 8, "\(tooLong)")
        #expect(!tooLong.text.contains("retrying in"), "\(tooLong)")

        // Ctrl-C during the wait stops at once.
        try world.server.injectFault(#"{"count":1,"status":429,"retry_after":60,"method":"GET","path_prefix":"/api/v1/servers"}"#)
        let stopped = try world.user.onTerminal(["servers", "list"], interruptAfter: "(Ctrl-C to stop)")
        #expect(stopped.status == 130, "\(stopped)")
    }

    // MARK: 10. tables fit the window

    @Test("at 40, 60 and 80 columns every table fits: low-priority columns go first, IDs and addresses are never cut")
    func tablesFitTheWindow() throws {
        let world = try ResourceWorld()
        let name = "frontend-web-server-long-one"
        let server = try world.object(["servers", "create", "--name", name, "--region", "ap-southeast", "--plan", "performance-8"])
        let serverID = try #require(server["id"] as? String)
        let address = try #require(server["ipv4"] as? String)
        let instance = try world.createInstance("application-instance-long-name", server: serverID, image: "ubuntu-24.04-minimal-cloud")
        _ = try world.object(["backups", "create", "--instance", instance, "--name", "nightly-backup-with-a-long-name", "--wait"])
        _ = try world.ok(["tokens", "create", "--name", "deployment-pipeline-token", "--perm", "servers:*,instances:*"])

        for columns in [40, 60, 80] {
            for noun in ["servers", "instances", "backups", "tokens"] {
                let run = try world.user.onTerminal([noun, "list"], columns: columns)
                #expect(run.status == 0, "\(run)")
                let table = run.lines.filter { !$0.isEmpty }
                #expect(!table.isEmpty)
                for line in table {
                    #expect(line.count <= columns, "\(noun) at \(columns): \(line.count) columns: \(line)")
                }
                // An ID is whole, or not shown at all; never cut.
                #expect(!run.text.contains(/(srv|ins|bak|tok)_[a-z0-9]{0,11}…/), "\(noun) at \(columns): \(run)")
            }
            let servers = try world.user.onTerminal(["servers", "list"], columns: columns)
            #expect(servers.text.contains(serverID), "\(servers)")
            #expect(!servers.text.contains(/\d+\.\d*…/), "an address is never cut: \(servers)")
            if columns == 40 {
                #expect(servers.lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["ID", "NAME", "STATUS"], "\(servers)")
                #expect(servers.text.contains("frontend-…") || servers.text.contains("…"), "names give way last, with …: \(servers)")
            }
            if columns == 80 {
                #expect(servers.text.contains(address), "\(servers)")
            }
        }
        // Piped, nothing is cut or dropped, whatever COLUMNS says.
        let piped = try world.ok(["servers", "list"], extraEnvironment: ["COLUMNS": "40"])
        #expect(piped.stdout.contains(name) && piped.stdout.contains(address) && !piped.stdout.contains("…"), "\(piped)")
    }

    // MARK: 11. times in words, and CREATED for scripts

    @Test("relative times round to the nearest unit and switch to months and years; AGE on a terminal, CREATED when piped")
    func timesInWords() throws {
        let world = try ResourceWorld()
        let status = try world.user.onTerminal(["auth", "status"])
        #expect(status.text.contains("Expires:      in 24 hours ("), "a fresh 24-hour session: \(status)")

        _ = try world.ok(["tokens", "create", "--name", "month", "--perm", "servers:read", "--expires", "30d"])
        _ = try world.ok(["tokens", "create", "--name", "far", "--perm", "servers:read", "--expires", "2032-06-01"])
        let tokens = try world.user.onTerminal(["tokens", "list"], columns: 200)
        #expect(tokens.text.contains("in 30 days"), "\(tokens)")
        #expect(tokens.text.contains(/in [56] years/), "\(tokens)")
        #expect(!tokens.text.contains(/in \d{3,} days/), "\(tokens)")

        let server = try world.createServer("web-1")
        let instance = try world.createInstance("app-1", server: server)
        _ = try world.object(["backups", "create", "--instance", instance, "--wait"])
        for noun in ["servers", "instances", "backups", "tokens"] {
            let terminal = try world.user.onTerminal([noun, "list"], columns: 200)
            let header = (terminal.lines.first ?? "").split(separator: " ").map(String.init)
            #expect(header.contains("AGE") && !header.contains("CREATED"), "\(noun): \(terminal)")
            #expect(terminal.text.contains("just now"), "\(noun): \(terminal)")

            let piped = try world.ok([noun, "list"])
            // Whole header words: IMAGE is not AGE.
            let pipedHeader = (piped.stdout.split(separator: "\n").first ?? "").split(separator: " ").map(String.init)
            #expect(pipedHeader.contains("CREATED") && !pipedHeader.contains("AGE"), "\(noun): \(piped)")
            #expect(piped.stdout.contains(/20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ/), "\(noun): \(piped)")
            #expect(!piped.stdout.contains("just now"), "\(noun): \(piped)")
        }
    }

    // MARK: 18. --wait on several, at once

    @Test("--wait on several IDs starts them all, then waits for all with a progress line each")
    func waitForSeveral() throws {
        let world = try ResourceWorld(actionDelay: 1.5)
        let server = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: server)
        _ = try world.createInstance("app-2", server: server)
        let run = try world.user.onTerminal(["instances", "start", "app-1", "app-2", "--wait"])
        #expect(run.status == 0, "\(run)")
        let text = run.text
        let secondWaiting = try #require(text.range(of: "waiting for instance app-2"), "\(run)")
        let firstDone = try #require(text.range(of: "Started instance app-1"), "\(run)")
        #expect(secondWaiting.lowerBound < firstDone.lowerBound, "app-2 was started and waited for before app-1 finished: \(run)")
        #expect(text.contains("waiting for instance app-1"), "\(run)")
        #expect(try world.array(["instances", "list", "--status", "running"]).count == 2)
    }

    @Test("start --wait on a running instance and stop --wait on a stopped one succeed at once")
    func stateAlreadyHolds() throws {
        let world = try ResourceWorld()
        let server = try world.createServer("web-1")
        let instance = try world.createInstance("app-1", server: server)
        let stopped = try world.user.nsx(["instances", "stop", "app-1", "--wait", "-o", "json"])
        #expect(stopped.status == 0, "\(stopped)")
        #expect((try stopped.json() as? [String: Any])?["status"] as? String == "stopped")
        try world.ok(["instances", "start", instance, "--wait"])
        let again = try world.user.nsx(["instances", "start", "app-1", "--wait"])
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr.contains("app-1 (\(instance)) is already running"), "\(again)")
        // Without --wait the API's 409 stands: nothing was asked to hold.
        #expect(try world.user.nsx(["instances", "start", "app-1"]).status == 6)
    }

    @Test("Ctrl-C during --wait clears the progress, says what is still going on and the command to check it")
    func interruptedWaitSaysWhatIsLeft() throws {
        let world = try ResourceWorld(actionDelay: 60)
        let server = try world.createServer("web-1")
        let one = try world.createInstance("app-1", server: server)
        let two = try world.createInstance("app-2", server: server)
        let run = try world.user.onTerminal(["--profile", "default", "instances", "start", "app-1", "app-2", "--wait"],
                                            interruptAfter: "waiting for instance app-2")
        #expect(run.status == 130, "\(run)")
        let text = run.text
        let error = try #require(text.range(of: "error: interrupted"), "\(run)")
        let cleared = try #require(text.range(of: "\r\(Self.escape)K", options: .backwards, range: text.startIndex..<error.lowerBound), "\(run)")
        #expect(!text[cleared.upperBound..<error.lowerBound].contains("waiting"), "\(run)")
        let after = text[error.lowerBound...]
        #expect(after.contains("instance app-1 (\(one)) is still starting"), "\(run)")
        #expect(after.contains("instance app-2 (\(two)) is still starting"), "\(run)")
        #expect(after.contains("nsx instances get \(one) --profile default"), "\(run)")
    }

    @Test("exit 9 prints the last known object")
    func giveUpShowsTheObject() throws {
        let world = try ResourceWorld(actionDelay: 60)
        let server = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: server)
        let run = try world.user.nsx(["instances", "start", "app-1", "--wait", "--wait-timeout", "1s", "-o", "json"])
        #expect(run.status == 9, "\(run)")
        let object = try #require(try run.json() as? [String: Any], "\(run)")
        #expect(object["name"] as? String == "app-1")
        #expect(object["status"] as? String == "starting")
        let table = try world.user.nsx(["instances", "stop", "app-1", "--wait", "--wait-timeout", "1s"])
        #expect(table.status != 0)
        let created = try world.user.nsx(["servers", "create", "--name", "web-2", "--region", "us-east", "--plan", "basic-1",
                                          "--wait", "--wait-timeout", "1s", "-o", "json"])
        #expect(created.status == 9, "\(created)")
        #expect((try created.json() as? [String: Any])?["status"] as? String == "provisioning", "\(created)")
    }

    // MARK: 19. prompts

    @Test("answering n says `Cancelled.` (exit 1, no error:), and an empty email is asked again")
    func prompts() throws {
        let world = try ResourceWorld()
        _ = try world.createServer("web-1")
        let declined = try world.user.onTerminal(["servers", "delete", "web-1"], answers: [TerminalAnswer(prompt: "[y/N]", answer: "n")])
        #expect(declined.status == 1, "\(declined)")
        #expect(declined.text.contains("Cancelled."), "\(declined)")
        #expect(!declined.text.contains("error:"), "\(declined)")

        let fresh = try NSXUser(server: world.server)
        let login = try fresh.onTerminal(["login"], answers: [
            TerminalAnswer(prompt: "Email: ", answer: ""),
            TerminalAnswer(prompt: "Email: ", answer: TestServer.email),
            TerminalAnswer(prompt: "Password: ", answer: TestServer.password, hidden: true),
        ])
        #expect(login.status == 0, "\(login)")
        #expect(login.text.contains("Logged in to"), "\(login)")
    }
}
