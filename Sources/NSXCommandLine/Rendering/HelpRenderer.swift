/// Help text in the manner of `gh`: summary, USAGE, ALIASES, COMMANDS, ARGUMENTS,
/// FLAGS, INHERITED FLAGS, GLOBAL FLAGS, PERMISSIONS, EXAMPLES and LEARN MORE, wrapped to a width.
public struct HelpRenderer<Action: Sendable>: Sendable {
    public let root: Command<Action>
    /// Columns to wrap to (the terminal width, or 80 when not on a terminal).
    public var width: Int
    /// Lines added under LEARN MORE on every page (`Read the manual with "man nsx".`).
    public var learnMore: [String]
    /// How the PERMISSIONS section of a command that declares some describes them.
    public var permissionDocs: PermissionDocs

    public init(root: Command<Action>, width: Int = 80, learnMore: [String] = [], permissionDocs: PermissionDocs = PermissionDocs()) {
        self.root = root
        self.width = width
        self.learnMore = learnMore
        self.permissionDocs = permissionDocs
    }

    /// Help for the command reached by `path` (names or aliases below the root), or nil
    /// when the path names no command.
    public func render(path: [String]) -> String? {
        guard let chain = root.chain(to: path) else { return nil }
        let command = chain.current
        let table = chain.optionTable
        var sections: [[String]] = []

        var about = TextLayout.wrap(command.summary, width: width)
        if let discussion = command.discussion {
            about += [""] + TextLayout.block(discussion, width: width)
        }
        sections.append(about)

        sections.append(["USAGE"] + TextLayout.wrap(chain.usageLine, width: width, indent: 2))

        if !command.aliases.isEmpty {
            let parent = chain.displayName.dropLast(command.name.count)
            sections.append(["ALIASES"] + command.aliases.map { "  " + parent + $0 })
        }

        let subcommands = command.subcommands.filter { !$0.hidden }
        if !subcommands.isEmpty {
            sections.append(["COMMANDS"] + TextLayout.columns(subcommands.map { ($0.name, $0.summary) }, width: width))
        }

        if command.arguments.contains(where: { !$0.fullHelp.isEmpty }) {
            let rows = command.arguments.map { ($0.usageWord, $0.fullHelp) }
            sections.append(["ARGUMENTS"] + TextLayout.columns(rows, width: width))
        }

        for (title, options) in [("FLAGS", table.own), ("INHERITED FLAGS", table.inherited), ("GLOBAL FLAGS", table.global)] {
            let shown = options.filter { !$0.hidden }.sorted { $0.long < $1.long }
            if !shown.isEmpty { sections.append([title] + optionRows(shown)) }
        }

        if let permissions = permissionDocs.section(chain) {
            var lines = TextLayout.columns(permissions.rows, width: width)
            if let sentence = permissions.sentence { lines += TextLayout.wrap(sentence, width: width, indent: 2) }
            sections.append(["PERMISSIONS"] + lines)
        }

        if !command.examples.isEmpty {
            sections.append(["EXAMPLES"] + exampleLines(command.examples))
        }

        var more: [String] = []
        if command.isGroup {
            let hint = "Use \"\(chain.displayName) <command> --help\" for more information about a command."
            more += TextLayout.wrap(hint, width: width, indent: 2)
        }
        more += learnMore.flatMap { TextLayout.wrap($0, width: width, indent: 2) }
        if !more.isEmpty { sections.append(["LEARN MORE"] + more) }

        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// Short forms line up in their own column: `  -o, --output` / `      --yes`.
    private func optionRows(_ options: [Option]) -> [String] {
        let rows = options.map { option in
            let names = option.short.map { "-\($0), " } ?? "    "
            let value = option.takesValue ? " " + option.valueName : ""
            return (names + "--" + option.long + value, option.fullHelp)
        }
        return TextLayout.columns(rows, width: width)
    }

    private func exampleLines(_ examples: [Example]) -> [String] {
        let spaced = examples.contains { $0.summary != nil }
        var lines: [String] = []
        for (index, example) in examples.enumerated() {
            if spaced && index > 0 { lines.append("") }
            if let summary = example.summary {
                lines += TextLayout.wrap(summary, width: width, indent: 4).map { "  #" + $0.dropFirst(3) }
            }
            lines.append("  $ " + example.command)
        }
        return lines
    }
}
