/// Why the command line could not be understood, with what is needed to tell the
/// user: the usage line of the command reached and, where one is close, a suggestion.
/// The exit status is the caller's to decide.
public struct UsageError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A word that names no subcommand of `parent` (`nsx servers`).
        case unknownCommand(word: String, parent: String)
        /// An option as typed (`--jsn`, `-x`) that is not valid at this point.
        case unknownOption(String)
        /// `--output` (named by its long form) given last, or before another option.
        case missingValue(option: String)
        /// A flag given as `--yes=value`.
        case unexpectedValue(option: String)
        /// `value` is not valid for `name` (`--limit`, or an argument such as `SHELL`).
        case invalidValue(value: String, name: String, expected: String)
        /// A value option that is not repeatable, given twice.
        case repeatedOption(String)
        /// A group without an action, reached with no subcommand.
        case missingSubcommand(command: String, available: [String])
        case missingArgument(name: String)
        /// An option marked required, not given: `--region`, and what its value may be.
        case missingOption(option: String, expected: String?)
        case unexpectedArgument(value: String, command: String)
        /// Options that exclude each other, named by their long forms (`--data`, `--memory`).
        case conflictingOptions([String])
    }

    public var reason: Reason
    /// `nsx servers list [flags]`: the usage of the command reached.
    public var usageLine: String
    /// A close valid word (`servers`, `--json`, `json`) for "Did you mean …?".
    public var suggestion: String?
    /// Canonical command words reached below the program name, as in `ParsedCommand.path`.
    public var commandPath: [String]
    /// The program name (the root command's name).
    public var program: String
    /// Index in argv of the word at fault, when one is.
    public var position: Int?

    public init(reason: Reason, usageLine: String, suggestion: String? = nil, commandPath: [String], program: String, position: Int? = nil) {
        self.reason = reason
        self.usageLine = usageLine
        self.suggestion = suggestion
        self.commandPath = commandPath
        self.program = program
        self.position = position
    }
}

// The one place where usage errors become words.
extension UsageError: CustomStringConvertible {
    /// One line saying what is wrong, without suggestion or usage.
    public var message: String {
        switch reason {
        case .unknownCommand(let word, let parent):
            "unknown command \(quoted(word)) for \(quoted(parent))"
        case .unknownOption(let option):
            "unknown option \(option)"
        case .missingValue(let option):
            "option \(option) needs a value"
        case .unexpectedValue(let option):
            "option \(option) does not take a value"
        case .invalidValue(let value, let name, let expected):
            "invalid value \(quoted(value)) for \(name): expected \(expected)"
        case .repeatedOption(let option):
            "option \(option) given more than once"
        case .missingSubcommand(let command, let available):
            "\(quoted(command)) needs a subcommand: " + available.joined(separator: ", ")
        case .missingArgument(let name):
            "missing argument \(name)"
        case .missingOption(let option, let expected):
            "\(option) is required" + (expected.map { " (\($0))" } ?? "")
        case .unexpectedArgument(let value, let command):
            "unexpected argument \(quoted(value)) for \(quoted(command))"
        case .conflictingOptions(let options):
            "options " + options.joined(separator: " and ") + " cannot be used together"
        }
    }

    /// The suggestion as a sentence, when there is one.
    public var suggestionLine: String? {
        suggestion.map { "Did you mean \(quoted($0))?" }
    }

    /// Message, suggestion, usage and where to read more, one per line.
    public var description: String {
        var lines = [message]
        if let suggestionLine { lines.append(suggestionLine) }
        lines.append("Usage: \(usageLine)")
        let helpCommand = ([program] + commandPath + ["--help"]).joined(separator: " ")
        lines.append("Run \(quoted(helpCommand)) for more information.")
        return lines.joined(separator: "\n")
    }

    private func quoted(_ text: String) -> String { "\"\(text)\"" }
}
