/// A positional argument as a command declares it, and the key its words are read back
/// with: `parsed[.shell]`. Declared once, like option keys (`OptionKey`).
public protocol ArgumentKey: Sendable {
    var argument: Argument { get }
}

/// An argument key whose words read as `Value`.
public struct TypedArgument<Value: Sendable>: ArgumentKey {
    public private(set) var argument: Argument
    let read: @Sendable (_ words: [String]) -> Value

    init(_ argument: Argument, read: @escaping @Sendable (_ words: [String]) -> Value) {
        self.argument = argument
        self.read = read
    }
}

extension TypedArgument {
    /// The same argument, its words completed by asking the program (`DynamicCompletion`).
    public func completing(_ completion: DynamicCompletion) -> Self {
        var copy = self
        copy.argument.completion = completion
        return copy
    }
}

/// One word the parser insists on: `KEY`.
public typealias WordArgument = TypedArgument<String>
/// One word that may be left out: `[METHOD]`.
public typealias OptionalWordArgument = TypedArgument<String?>
/// Every remaining word: `ID|NAME…` (at least one unless optional).
public typealias WordsArgument = TypedArgument<[String]>

extension ArgumentKey where Self == WordArgument {
    /// A required word; the parser refuses the command line without it, so reading it never fails.
    public static func word(_ name: String, help: String = "", choices: [String]? = nil) -> WordArgument {
        WordArgument(Argument(name, help: help, choices: choices)) { $0.first ?? "" }
    }
}

extension ArgumentKey where Self == OptionalWordArgument {
    public static func optionalWord(_ name: String, help: String = "", choices: [String]? = nil) -> OptionalWordArgument {
        OptionalWordArgument(Argument(name, help: help, optional: true, choices: choices)) { $0.first }
    }
}

extension ArgumentKey where Self == WordsArgument {
    public static func words(_ name: String, help: String = "", optional: Bool = false, choices: [String]? = nil) -> WordsArgument {
        WordsArgument(Argument(name, help: help, optional: optional, repeatable: true, choices: choices)) { $0 }
    }
}
