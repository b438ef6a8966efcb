import Foundation
import Testing

/// The real nsx on a pseudo-terminal: colour obeys every switch, errors included, and
/// Ctrl-C during `--wait` stops nsx at once with a message. Each of these failed before
/// IOStreams decided colour and SIGINT raised the cancellation flag.
@Suite("on a terminal")
struct TerminalEndToEndTests {
    static let escape = "\u{1B}["

    func environment(_ user: NSXUser, _ extra: [String: String] = [:], removing: [String] = []) -> [String: String] {
        var environment = user.environment
        environment["TERM"] = "xterm-256color"
        for key in removing { environment.removeValue(forKey: key) }
        return environment.merging(extra) { $1 }
    }

    @Test("errors are coloured on a terminal unless NO_COLOR (not empty), TERM=dumb, --no-color or config say no")
    func colourOfErrors() throws {
        let server = try TestServer()
        let user = try NSXUser(server: server)
        func unknownCommand(_ extra: [String: String] = [:], flags: [String] = []) throws -> TerminalRun {
            try runOnTerminal(BuildProducts.nsx, flags + ["sevrers"], environment: environment(user, extra))
        }

        let plain = try unknownCommand()
        #expect(plain.status == 2, "\(plain)")
        #expect(plain.output.contains("\(Self.escape)31merror:"), "\(plain)")
        #expect(try unknownCommand(["NO_COLOR": ""]).output.contains(Self.escape), "an empty NO_COLOR does not count")
        let emptyNoColor = try runOnTerminal(BuildProducts.nsx, ["config", "set", "output", "table"],
                                             environment: environment(user, ["NO_COLOR": ""]))
        #expect(emptyNoColor.output.contains("\(Self.escape)32m✓"), "nor for notes (no-color.org): \(emptyNoColor)")

        for (extra, flags) in [(["NO_COLOR": "1"], [String]()), (["TERM": "dumb"], []), ([:], ["--no-color"])] {
            let run = try unknownCommand(extra, flags: flags)
            #expect(run.status == 2)
            #expect(run.text.contains("error: unknown command \"sevrers\""), "\(run)")
            #expect(!run.output.contains(Self.escape), "\(extra) \(flags): \(run)")
        }

        try user.nsx(["config", "set", "color", "never"])
        let never = try runOnTerminal(BuildProducts.nsx, ["auth", "status"], environment: environment(user))
        #expect(never.status == 3, "\(never)")
        #expect(never.text.contains("error: not logged in"), "\(never)")
        #expect(!never.output.contains(Self.escape), "\(never)")
    }

    @Test("Ctrl-C during --wait clears the progress line and exits 130 within 200 ms, saying so")
    func interruptDuringWait() throws {
        // Transitions take a minute: the wait is still polling when Ctrl-C comes.
        let world = try ResourceWorld(actionDelay: 60)
        let server = try world.createServer("web-1")
        _ = try world.createInstance("app-1", server: server)

        let run = try runOnTerminal(BuildProducts.nsx, ["instances", "start", "app-1", "--wait"],
                                    environment: environment(world.user), interruptAfter: "waiting for instance app-1")
        #expect(run.status == 130, "\(run)")
        let elapsed = try #require(run.exitMillisecondsAfterInterrupt, "\(run)")
        #expect(elapsed < 200, "\(run)")
        let text = run.text
        let error = try #require(text.range(of: "error: interrupted"), "\(run)")
        let cleared = try #require(text.range(of: "\r\(Self.escape)K", options: .backwards, range: text.startIndex..<error.lowerBound),
                                   "the progress line is cleared before the message: \(run)")
        #expect(!text[cleared.upperBound..<error.lowerBound].contains("waiting"), "\(run)")
    }

    @Test("Ctrl-C at a hidden password prompt exits 130 and gives the terminal its echo back")
    func interruptAtPasswordPrompt() throws {
        let server = try TestServer()
        let user = try NSXUser(server: server)
        // The shell ignores Ctrl-C itself, so it lives on to show the terminal's modes after nsx.
        let script = "trap '' INT; \"$0\" login --email \(TestServer.email); echo \"status $?\"; stty -a"
        let run = try runOnTerminal(URL(fileURLWithPath: "/bin/sh"), ["-c", script, BuildProducts.nsx.path],
                                    environment: environment(user), interruptAfter: "Password: ")
        #expect(run.text.contains("error: interrupted"), "\(run)")
        #expect(run.text.contains("status 130"), "\(run)")
        let modes = try #require(run.text.components(separatedBy: "status 130").last)
        #expect(modes.contains(" echo ") && !modes.contains("-echo "), "echo is back on: \(run)")
    }
}
