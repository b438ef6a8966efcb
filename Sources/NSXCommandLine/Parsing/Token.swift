/// One command-line word classified by its shape alone, before any meaning is
/// given to it, with its position in argv for error messages.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `--name` or `--name=value`.
        case longOption(name: String, value: String?)
        /// `-abc`: the characters after the dash. Which of them take a value, and so
        /// where the value starts (`-ojson`, `-qo`), is for the parser to decide.
        case shortOptions(String)
        /// A command word or a positional argument, including `-` alone (standard input).
        case word(String)
        /// `--`: no options after this one.
        case terminator
        /// A word after `--`: always positional, even if it starts with a dash.
        case positional(String)
    }

    public var kind: Kind
    /// Index in the argv given to the tokenizer.
    public var position: Int
    /// The argv element exactly as given.
    public var text: String

    public init(kind: Kind, position: Int, text: String) {
        self.kind = kind
        self.position = position
        self.text = text
    }
}
