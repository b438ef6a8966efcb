/// A positional argument of a runnable command.
public struct Argument: Sendable, Equatable {
    /// Shown in usage as written (`ID`, `PATH`); also how `ParsedCommand.argumentValues` names its words.
    public var name: String
    public var help: String
    /// An optional argument may be left out; words are given to required ones first.
    public var optional: Bool
    /// A repeatable (variadic) argument takes every remaining word; it belongs last.
    public var repeatable: Bool
    /// When set, each word given for this argument must be one of these.
    public var choices: [String]?
    /// Values the completion scripts ask the program for (live IDs, profiles).
    public var completion: DynamicCompletion?

    public init(_ name: String, help: String = "", optional: Bool = false, repeatable: Bool = false, choices: [String]? = nil,
                completion: DynamicCompletion? = nil) {
        self.name = name
        self.help = help
        self.optional = optional
        self.repeatable = repeatable
        self.choices = choices
        self.completion = completion
    }
}
