import NSXCommandLine

/// What a leaf of the nsx tree runs. Each verb's file builds its options struct from the
/// `Invocation` (parse) and then does the work (run).
public struct CommandRunner: Sendable {
    public let run: @Sendable (Invocation) throws -> Void

    public init(_ run: @escaping @Sendable (Invocation) throws -> Void) {
        self.run = run
    }
}

/// A node of the nsx command tree.
public typealias NSXCommand = Command<CommandRunner>

/// One run of one command: what was typed, and the factory of everything it may need.
public final class Invocation {
    public let parsed: ParsedCommand<CommandRunner>
    public let factory: Factory

    init(parsed: ParsedCommand<CommandRunner>, factory: Factory) {
        self.parsed = parsed
        self.factory = factory
    }

    public var streams: IOStreams { factory.streams }
    public var globals: GlobalOptions { factory.globals }
}
