/// A term and its description in a man page list (ENVIRONMENT, EXIT STATUS).
public struct ManPageEntry: Sendable, Equatable {
    public var term: String
    public var text: String

    public init(_ term: String, _ text: String) {
        self.term = term
        self.text = text
    }
}

/// A man(7) page for the whole tree: NAME, SYNOPSIS, DESCRIPTION, COMMANDS (each
/// runnable command with its usage, arguments and options), GLOBAL OPTIONS,
/// ENVIRONMENT, EXIT STATUS and EXAMPLES.
public struct ManPageRenderer<Action: Sendable>: Sendable {
    public let root: Command<Action>
    public var section: String
    /// Shown in the page footer, e.g. `2025-06-01`.
    public var date: String
    /// Shown in the page footer, e.g. `nsx 1.4.0`.
    public var source: String
    public var manual: String
    /// Variables documented besides those of options (`NSX_TOKEN`, `HTTPS_PROXY`).
    public var environment: [ManPageEntry]
    /// Exit codes and their meaning, in order.
    public var exitStatus: [ManPageEntry]

    public init(root: Command<Action>, section: String = "1", date: String, source: String, manual: String = "User Commands",
                environment: [ManPageEntry] = [], exitStatus: [ManPageEntry] = []) {
        self.root = root
        self.section = section
        self.date = date
        self.source = source
        self.manual = manual
        self.environment = environment
        self.exitStatus = exitStatus
    }

    public func render() -> String {
        let rootChain = CommandChain(root: root)
        var lines = [
            ".\\\" Generated from the command tree of \(root.name); do not edit.",
            ".TH " + [root.name.uppercased(), section, date, source, manual].map(Roff.quotedArgument).joined(separator: " "),
            // No hyphenation: option names and variables must stay whole.
            ".nh",
            ".SH NAME",
            Roff.escaped(root.name) + " \\- " + Roff.escaped(root.summary),
            ".SH SYNOPSIS",
            synopsis(rootChain),
            ".SH DESCRIPTION",
        ]
        lines += root.discussion.map(Roff.paragraphs) ?? [Roff.escaped(root.summary)]

        let commands = documentedChains.filter { !$0.isRoot && $0.current.isRunnable }
        if !commands.isEmpty {
            lines.append(".SH COMMANDS")
            lines += commands.flatMap(commandSection)
        }

        lines.append(".SH GLOBAL OPTIONS")
        lines += optionEntries(rootChain.optionTable.own)

        let variables = optionVariables + environment
        if !variables.isEmpty {
            lines.append(".SH ENVIRONMENT")
            lines += variables.flatMap { Roff.tagged(Roff.bold($0.term), $0.text) }
        }

        if !exitStatus.isEmpty {
            lines.append(".SH EXIT STATUS")
            lines += exitStatus.flatMap { Roff.tagged(Roff.bold($0.term), $0.text) }
        }

        let examples = documentedChains.flatMap(\.current.examples)
        if !examples.isEmpty {
            lines.append(".SH EXAMPLES")
            lines += examples.flatMap(exampleLines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every command not hidden and not below a hidden one, parents first.
    private var documentedChains: [CommandChain<Action>] {
        root.allChains().filter { chain in !chain.commands.contains(where: \.hidden) }
    }

    /// The usage line with the command words in bold.
    private func synopsis(_ chain: CommandChain<Action>) -> String {
        let words = chain.displayName
        let rest = chain.usageLine.dropFirst(words.count).drop { $0 == " " }
        return Roff.bold(words) + (rest.isEmpty ? "" : " " + Roff.escaped(String(rest)))
    }

    private func commandSection(_ chain: CommandChain<Action>) -> [String] {
        let command = chain.current
        var lines = [".SS " + Roff.quotedArgument(chain.displayName), synopsis(chain), ".PP", Roff.escaped(command.summary)]
        if let discussion = command.discussion { lines += Roff.paragraphs(discussion) }
        if !command.aliases.isEmpty {
            let parent = chain.displayName.dropLast(command.name.count)
            lines += [".PP", "Aliases: " + command.aliases.map { Roff.bold(parent + $0) }.joined(separator: ", ")]
        }
        let arguments = command.isGroup ? [] : command.arguments.filter { !$0.fullHelp.isEmpty }
        let table = chain.optionTable
        let options = (table.own + table.inherited).filter { !$0.hidden }
        if !arguments.isEmpty || !options.isEmpty {
            lines.append(".RS")
            lines += arguments.flatMap { Roff.tagged(Roff.italic($0.usageWord), $0.fullHelp) }
            lines += optionEntries(options)
            lines.append(".RE")
        }
        return lines
    }

    private func optionEntries(_ options: [Option]) -> [String] {
        options.filter { !$0.hidden }.sorted { $0.long < $1.long }.flatMap { option in
            var term = option.short.map { Roff.bold("-\($0)") + ", " } ?? ""
            term += Roff.bold("--" + option.long)
            if option.takesValue { term += " " + Roff.italic(option.valueName) }
            return Roff.tagged(term, option.fullHelp)
        }
    }

    /// Environment variables named by options, once each, in tree order.
    private var optionVariables: [ManPageEntry] {
        var seen: Set<String> = []
        return documentedChains.flatMap { $0.optionTable.own }.compactMap { option in
            guard !option.hidden, let variable = option.environment, seen.insert(variable).inserted else { return nil }
            return ManPageEntry(variable, "Same as --\(option.long).")
        }
    }

    private func exampleLines(_ example: Example) -> [String] {
        var lines = [".PP"]
        if let summary = example.summary { lines += [Roff.escaped(summary), ".PP"] }
        lines += [".RS 4", ".nf", Roff.escaped("$ " + example.command), ".fi", ".RE"]
        return lines
    }
}
