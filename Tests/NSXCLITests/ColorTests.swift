import Testing
@testable import NSXCLI

/// Colour is decided once, in IOStreams, for both streams: errors obey the same switches as
/// tables (these failed before: `error:` was red whatever NO_COLOR, --no-color or config said).
@Suite("colour")
struct ColorTests {
    static let escape = "\u{1B}["

    func unknownCommand(_ cli: TestCLI = TestCLI(), _ extra: [String] = []) -> CLIRun {
        cli.run(extra + ["sevrers"], terminal: true)
    }

    @Test("errors are red on a terminal, and plain when piped")
    func errorsOnATerminal() {
        #expect(unknownCommand().stderr.hasPrefix("\(Self.escape)31merror:\(Self.escape)0m unknown command"))
        #expect(!TestCLI().run(["sevrers"]).stderr.contains(Self.escape))
    }

    @Test("NO_COLOR with a value, TERM=dumb and --no-color turn colour off, errors included", arguments: [
        (["NO_COLOR": "1"], [String]()), (["TERM": "dumb"], []), ([:], ["--no-color"]),
    ] as [([String: String], [String])])
    func switchedOff(environment: [String: String], flags: [String]) {
        let cli = TestCLI()
        cli.environment.merge(environment) { $1 }
        let run = unknownCommand(cli, flags)
        #expect(run.status == 2)
        #expect(!run.stderr.contains(Self.escape), "\(run)")
        let help = cli.run(flags + ["auth", "status", "-o", "jsn"], terminal: true)
        #expect(!help.stderr.contains(Self.escape), "\(help)")
    }

    @Test("an empty NO_COLOR does not count (no-color.org)")
    func emptyNoColor() {
        let cli = TestCLI()
        cli.environment["NO_COLOR"] = ""
        #expect(unknownCommand(cli).stderr.contains(Self.escape))
        #expect(cli.run(["config", "set", "output", "table"], terminal: true).stderr.hasPrefix("\(Self.escape)32m✓"))
    }

    @Test("config set color never holds for errors too")
    func configNever() throws {
        let cli = TestCLI()
        #expect(cli.run(["config", "set", "color", "never"]).status == 0)
        let run = cli.run(["auth", "status"], terminal: true)
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("error: not logged in"), "\(run)")
        #expect(!unknownCommand(cli).stderr.contains(Self.escape))
    }
}
