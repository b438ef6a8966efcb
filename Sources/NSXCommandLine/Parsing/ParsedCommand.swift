/// What the parser understood: the command reached and the words given to it.
public struct ParsedCommand<Action: Sendable>: Sendable {
    /// Canonical command words below the program name (`["servers", "list"]`); aliases
    /// typed by the user are replaced by the names they stand for.
    public var path: [String]
    /// The command reached.
    public var command: Command<Action>
    /// Option long name → values in the order given. Flags hold `["true"]` (one entry per
    /// use when repeatable). Options not given are absent: defaults are not filled in.
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

    /// Whether the flag (or any option) was given.
    public func flag(_ long: String) -> Bool { values[long] != nil }

    /// The last value given for the option.
    public func value(_ long: String) -> String? { values[long]?.last }

    /// Every value given for the option, in order.
    public func values(_ long: String) -> [String] { values[long] ?? [] }

    /// The last value as an integer (already validated for `.integer` options).
    public func integer(_ long: String) -> Int? { value(long).flatMap { Int($0) } }

    /// The last value as a number (already validated for `.number` options).
    public func number(_ long: String) -> Double? { value(long).flatMap { Double($0) } }

    /// The last value of a `.duration` option in seconds.
    public func duration(_ long: String) -> Int? { value(long).flatMap(parseDuration) }

    /// The word given to the named argument.
    public func argument(_ name: String) -> String? { argumentValues[name]?.first }

    /// Every word given to the named argument (for repeatable ones).
    public func arguments(_ name: String) -> [String] { argumentValues[name] ?? [] }
}
