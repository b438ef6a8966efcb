/// Turns argv into a `ParsedCommand` by walking the command tree.
///
/// Command words and options may be interleaved: an option is looked up among those
/// valid at the command reached so far (its own, those inherited from groups above,
/// the root's global ones, and `-h/--help`; `--version` at the root only). So global
/// options work before, between and after command words, and a command's own options
/// after its name. A value option takes the rest of its token (`--x=v`, `-xv`) or the
/// next word, unless that word is `--` or looks like a long option (`--x --y` means the
/// value is missing); `--x=--y` passes such a value.
///
/// When `-h`/`--help` appears anywhere before `--`, the result asks for help on the
/// command reached and no other problem is reported — except a word that names no command
/// (`nsx auth nosuch --help`): help on `auth` would answer a question nobody asked, so that
/// stays a usage error with its "did you mean".
public struct Parser<Action: Sendable>: Sendable {
    public let root: Command<Action>

    public init(root: Command<Action>) {
        self.root = root
    }

    /// - Parameter argv: the words after the program name.
    public func parse(_ argv: [String]) throws(UsageError) -> ParsedCommand<Action> {
        var walk = ParseWalk(root: root, tokens: Tokenizer.tokenize(argv))
        do {
            try walk.run()
            if walk.helpRequested || walk.versionRequested { return walk.result() }
            return try walk.finish()
        } catch {
            if case .unknownCommand = error.reason { throw error }
            if walk.helpRequested || Self.mentionsHelp(argv) { return walk.helpResult() }
            throw error
        }
    }

    /// Whether a help word stands before `--`, even where parsing stopped before reaching it.
    private static func mentionsHelp(_ argv: [String]) -> Bool {
        argv.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
    }
}

extension Parser {
    /// A usage error the caller found after parsing (a value out of its range, options that
    /// exclude each other) for the command at `path`, worded and laid out as the parser's own.
    public func usageError(_ reason: UsageError.Reason, at path: [String] = [], suggestion: String? = nil) -> UsageError {
        (root.chain(to: path) ?? CommandChain(root: root)).usageError(reason, suggestion: suggestion)
    }
}
