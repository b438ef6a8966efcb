import NSXCommandLine
import NSXTime

/// What a leaf of the nsx tree runs, in the two halves of cli/cli's commands: `parse` turns
/// the invocation into the verb's options — the words it was given and only the
/// dependencies its run uses — and `run` does the work with those alone.
public struct CommandRunner: Sendable {
    let execute: @Sendable (Invocation) throws(CLIError) -> Void

    init<Options>(parse: @escaping @Sendable (Invocation) throws(CLIError) -> Options,
                  run: @escaping @Sendable (Options) throws(CLIError) -> Void) {
        execute = { invocation throws(CLIError) in try run(try parse(invocation)) }
    }

    /// A verb that still parses inside its run (until each noun owns its declaration).
    init(_ run: @escaping @Sendable (Invocation) throws(CLIError) -> Void) {
        execute = run
    }
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
