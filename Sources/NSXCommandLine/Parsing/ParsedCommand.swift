/// What the parser understood: the command reached and the words given to it.
public struct ParsedCommand<Action: Sendable>: Sendable {
    /// Canonical command words below the program name (`["servers", "list"]`); aliases
    /// typed by the user are replaced by the names they stand for.
    public var path: [String]
    /// The command reached.
    public var command: Command<Action>
    /// Option long name → values in the order given. Flags hold `["true"]` (one entry per
    /// use when repeatable). Options not given are absent: defaults are not filled in.
    /// Commands read these through their typed keys (`parsed[.region]`).
    public var values: [String: [String]]
    /// Positional words in order.
    public var arguments: [String]
    /// Positional words by the name of the `Argument` they were given to.
    public var argumentValues: [String: [String]]
    /// `-h` or `--help` was given; nothing else was checked. Show help for `path`.
    public var helpRequested: Bool
    /// `--version` was given at the root; other arguments were not checked.
    public var versionRequested: Bool

    public init(
        path: [String],
        command: Command<Action>,
        values: [String: [String]] = [:],
        arguments: [String] = [],
        argumentValues: [String: [String]] = [:],
        helpRequested: Bool = false,
        versionRequested: Bool = false
    ) {
        self.path = path
        self.command = command
        self.values = values
        self.arguments = arguments
        self.argumentValues = argumentValues
        self.helpRequested = helpRequested
        self.versionRequested = versionRequested
    }

    public var action: Action? { command.action }

    /// The value of a declared option, typed by its key: `parsed[.wait]`, `parsed[.region]`.
    public subscript<Value>(key: TypedOption<Value>) -> Value {
        key.read(values[key.option.long] ?? [])
    }

    /// The words given to a declared argument, typed by its key: `parsed[.shell]`.
    public subscript<Value>(key: TypedArgument<Value>) -> Value {
        key.read(argumentValues[key.argument.name] ?? [])
    }
}
