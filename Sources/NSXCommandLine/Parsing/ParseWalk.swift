/// The parser's state while it walks the tokens once, left to right.
struct ParseWalk<Action: Sendable> {
    private let tokens: [Token]
    private var index = 0
    private(set) var chain: CommandChain<Action>
    private var values: [String: [String]] = [:]
    private var words: [PositionalWord] = []
    private(set) var helpRequested = false
    private(set) var versionRequested = false

    init(root: Command<Action>, tokens: [Token]) {
        self.tokens = tokens
        self.chain = CommandChain(root: root)
    }

    mutating func run() throws(UsageError) {
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .terminator:
                continue
            case .longOption(let name, let value):
                try takeLongOption(name, inlineValue: value, token: token)
            case .shortOptions(let characters):
                if isNegativeNumber(token.text) {
                    try takeWord(token.text, position: token.position, mayNameCommand: false)
                } else {
                    try takeShortOptions(characters, token: token)
                }
            case .word(let word):
                try takeWord(word, position: token.position, mayNameCommand: true)
            case .positional(let word):
                try takeWord(word, position: token.position, mayNameCommand: false)
            }
        }
    }

    /// Checks what can only be checked at the end: a subcommand was chosen, the
    /// positional words fit the command's arguments, and required options were given.
    func finish() throws(UsageError) -> ParsedCommand<Action> {
        let command = chain.current
        if command.isGroup && command.action == nil {
            let available = command.subcommands.filter { !$0.hidden }.map(\.name)
            throw failure(.missingSubcommand(command: chain.displayName, available: available))
        }
        var parsed = result()
        parsed.argumentValues = try ArgumentBinder(chain: chain).bind(words)
        if let missing = chain.optionTable.all.first(where: { $0.required && values[$0.long] == nil }) {
            let expected = missing.valueKind.flatMap { $0.choices == nil ? nil : $0.expectation }
            throw failure(.missingOption(option: "--" + missing.long, expected: expected))
        }
        return parsed
    }

    func result() -> ParsedCommand<Action> {
        ParsedCommand(path: chain.path, command: chain.current, values: values, arguments: words.map(\.text),
                      helpRequested: helpRequested, versionRequested: versionRequested)
    }

    func helpResult() -> ParsedCommand<Action> {
        var parsed = result()
        parsed.helpRequested = true
        return parsed
    }

    // MARK: - Options

    private mutating func takeLongOption(_ name: String, inlineValue: String?, token: Token) throws(UsageError) {
        let table = chain.optionTable
        guard !name.isEmpty, let option = table.option(long: name) else {
            let typed = name.isEmpty ? token.text : "--" + name
            let suggestion = name.isEmpty ? nil : closestMatch(to: name, in: table.visible.map(\.long)).map { "--" + $0 }
            throw failure(.unknownOption(typed), suggestion: suggestion, position: token.position)
        }
        if takeBuiltIn(option) { return }
        if option.takesValue {
            guard let value = inlineValue ?? nextValue() else {
                throw failure(.missingValue(option: "--" + option.long), position: token.position)
            }
            try record(option, value: value, position: token.position)
        } else {
            if inlineValue != nil {
                throw failure(.unexpectedValue(option: "--" + option.long), position: token.position)
            }
            try record(option, value: nil, position: token.position)
        }
    }

    /// `-qy` are two flags; in `-qojson` and `-qo json` the `o` takes `json` as its value.
    private mutating func takeShortOptions(_ characters: String, token: Token) throws(UsageError) {
        let table = chain.optionTable
        var rest = Substring(characters)
        while let character = rest.first {
            rest = rest.dropFirst()
            guard let option = table.option(short: character) else {
                throw failure(.unknownOption("-\(character)"), position: token.position)
            }
            if takeBuiltIn(option) { continue }
            guard option.takesValue else {
                try record(option, value: nil, position: token.position)
                continue
            }
            let attached = rest.hasPrefix("=") ? rest.dropFirst() : rest
            guard let value = attached.isEmpty ? nextValue() : String(attached) else {
                throw failure(.missingValue(option: "--" + option.long), position: token.position)
            }
            try record(option, value: value, position: token.position)
            return
        }
    }

    /// Handles `--help` anywhere and `--version` at the root; true when the option was one of them.
    private mutating func takeBuiltIn(_ option: Option) -> Bool {
        if option.long == OptionTable.helpOption.long {
            helpRequested = true
            return true
        }
        if chain.isRoot && option.long == "version" && !chain.root.options.contains(where: { $0.long == "version" }) {
            versionRequested = true
            return true
        }
        return false
    }

    /// The next word as an option's value; `--` and long options are never taken.
    private mutating func nextValue() -> String? {
        guard index < tokens.count else { return nil }
        switch tokens[index].kind {
        case .terminator, .longOption:
            return nil
        case .shortOptions, .word, .positional:
            defer { index += 1 }
            return tokens[index].text
        }
    }

    private mutating func record(_ option: Option, value: String?, position: Int) throws(UsageError) {
        guard let value, let kind = option.valueKind else {
            // Flags are idempotent unless they count (repeatable).
            if option.repeatable { values[option.long, default: []].append("true") } else { values[option.long] = ["true"] }
            return
        }
        guard kind.accepts(value) else {
            let suggestion = kind.choices.flatMap { closestMatch(to: value, in: $0) }
            throw failure(.invalidValue(value: value, name: "--" + option.long, expected: kind.expectation),
                          suggestion: suggestion, position: position)
        }
        if !option.repeatable && values[option.long] != nil {
            throw failure(.repeatedOption("--" + option.long), position: position)
        }
        values[option.long, default: []].append(value)
    }

    // MARK: - Words

    private mutating func takeWord(_ word: String, position: Int, mayNameCommand: Bool) throws(UsageError) {
        guard chain.current.isGroup else {
            words.append(PositionalWord(text: word, position: position))
            return
        }
        if mayNameCommand, let child = chain.subcommand(named: word) {
            chain = chain.descending(into: child)
            return
        }
        if !mayNameCommand {
            throw failure(.unexpectedArgument(value: word, command: chain.displayName), position: position)
        }
        let names = chain.current.subcommands.filter { !$0.hidden }.map(\.name)
        throw failure(.unknownCommand(word: word, parent: chain.displayName),
                      suggestion: closestMatch(to: word, in: names), position: position)
    }

    /// `-5` or `-0.5` is a value, not options, unless the command has a digit option.
    private func isNegativeNumber(_ text: String) -> Bool {
        guard let first = text.dropFirst().first, first.isASCIIDigit || first == ".", Double(text) != nil else { return false }
        return chain.optionTable.option(short: first) == nil
    }

    private func failure(_ reason: UsageError.Reason, suggestion: String? = nil, position: Int? = nil) -> UsageError {
        chain.usageError(reason, suggestion: suggestion, position: position)
    }
}

struct PositionalWord: Sendable {
    var text: String
    var position: Int
}

extension CommandChain {
    func usageError(_ reason: UsageError.Reason, suggestion: String? = nil, position: Int? = nil) -> UsageError {
        UsageError(reason: reason, usageLine: usageLine, suggestion: suggestion, commandPath: path,
                   program: root.name, position: position)
    }
}
