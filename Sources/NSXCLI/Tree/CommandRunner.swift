import NSXCommandLine
import NSXTime

/// What a leaf of the nsx tree runs, in the two halves of cli/cli's commands: parse the
/// invocation into what the verb needs — the words it was given and only the dependencies
/// its run uses — then run with those alone.
public struct CommandRunner: Sendable {
    let execute: @Sendable (Invocation) throws(CLIError) -> Void

    init<Options>(parse: @escaping @Sendable (Invocation) throws(CLIError) -> Options,
                  run: @escaping @Sendable (Options) throws(CLIError) -> Void) {
        execute = { invocation throws(CLIError) in try run(try parse(invocation)) }
    }

    /// Runs `verb`: its words first (so a usage error comes before anything else), then its
    /// dependencies, then the work.
    init<V: Verb>(_ verb: V.Type) {
        self.init(parse: { invocation throws(CLIError) in (try V.words(invocation.parsed), V.dependencies(invocation)) },
                  run: { options throws(CLIError) in try V.run(options.0, options.1) })
    }
}

/// One command of the tree as a type: its declaration (`spec`), the words it reads from
/// the command line, the dependencies it uses, and its run.
protocol Verb: SendableMetatype {
    /// What was typed, checked: the verb's options and arguments.
    associatedtype Words
    /// What the run uses besides the words, and nothing else (cli/cli's narrow options).
    associatedtype Dependencies

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words
    static func dependencies(_ invocation: Invocation) -> Dependencies
    static func run(_ words: Words, _ dependencies: Dependencies) throws(CLIError)
}

extension Verb {
    /// What the verb's spec names as its action.
    static var runner: CommandRunner { CommandRunner(self) }
}

extension Verb where Words == Void {
    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) {}
}

extension Verb where Dependencies == ResourceAccess {
    static func dependencies(_ invocation: Invocation) -> ResourceAccess { ResourceAccess(invocation) }
}

extension Verb where Dependencies == AuthAccess {
    static func dependencies(_ invocation: Invocation) -> AuthAccess { AuthAccess(invocation) }
}

extension Verb where Dependencies == IOStreams {
    static func dependencies(_ invocation: Invocation) -> IOStreams { invocation.streams }
}

/// A node of the nsx command tree.
public typealias NSXCommand = Command<CommandRunner>

/// One run of one command: what was typed, and the factory its dependencies come from.
public struct Invocation {
    public let parsed: ParsedCommand<CommandRunner>
    let factory: Factory

    var streams: IOStreams { factory.streams }
    var globals: GlobalOptions { factory.globals }
    var printer: Printer { factory.printer }
    var api: APIAccess { factory.api }
    var clock: WallClock { factory.clock }
}
