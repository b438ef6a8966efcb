/// A term and its description in a man page list (ENVIRONMENT, FILES, EXIT STATUS).
public struct ManPageEntry: Sendable, Equatable {
    public var term: String
    public var text: String

    public init(_ term: String, _ text: String) {
        self.term = term
        self.text = text
    }
}

/// The manual, as git and gh ship theirs: a man(7) page for the program (`nsx.1`) and one
/// for every command and group (`nsx-servers-create.1`), all from the tree. Each page has
/// NAME, SYNOPSIS, DESCRIPTION, COMMANDS (groups), OPTIONS, PERMISSIONS (commands),
/// ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES, SECURITY and SEE ALSO; what the tree does not
/// hold (variables besides those of options, files, exit codes, security advice) is handed in.
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
    /// Files the program reads and writes, and what is in them.
    public var files: [ManPageEntry]
    /// Where secrets live and what never to do with them; paragraphs as in `discussion`.
    public var security: String?
    /// Other programs' pages worth reading (`jq(1)`), after the program's own.
    public var seeAlso: [String]
    public var permissionDocs: PermissionDocs

    public init(root: Command<Action>, section: String = "1", date: String, source: String, manual: String = "User Commands",
                environment: [ManPageEntry] = [], exitStatus: [ManPageEntry] = [], files: [ManPageEntry] = [],
                security: String? = nil, seeAlso: [String] = [], permissionDocs: PermissionDocs = PermissionDocs()) {
        self.root = root
        self.section = section
        self.date = date
        self.source = source
        self.manual = manual
        self.environment = environment
        self.exitStatus = exitStatus
        self.files = files
        self.security = security
        self.seeAlso = seeAlso
        self.permissionDocs = permissionDocs
    }

    /// Every page: the program's first, then each documented command's, parents before
    /// children. Names are file names (`nsx-servers-create.1`).
    public func pages() -> [(name: String, contents: String)] {
        documentedChains.map { (pageName($0) + "." + section, page($0)) }
    }

    /// The program's page (`nsx.1`).
    public func render() -> String { page(CommandChain(root: root)) }

    /// The page of the command at `path` (names or aliases), or nil when the path names no
    /// documented command.
    public func render(path: [String]) -> String? {
        guard let chain = root.chain(to: path), !chain.commands.contains(where: \.hidden) else { return nil }
        return page(chain)
    }

    /// `nsx`, `nsx-servers`, `nsx-servers-create`.
    private func pageName(_ chain: CommandChain<Action>) -> String {
        ([root.name] + chain.path).joined(separator: "-")
    }

    /// Every command not hidden and not below a hidden one, parents first.
    private var documentedChains: [CommandChain<Action>] {
        root.allChains().filter { chain in !chain.commands.contains(where: \.hidden) }
    }

    private func page(_ chain: CommandChain<Action>) -> String {
        let command = chain.current
        let name = pageName(chain)
        var lines = [
            ".\\\" Generated from the command tree of \(root.name); do not edit.",
            // The date stays as written (an escaped hyphen would hide it from mandoc).
            ".TH " + [Roff.quotedArgument(name.uppercased()), Roff.quotedArgument(section), "\"" + date + "\"",
                      Roff.quotedArgument(source), Roff.quotedArgument(manual)].joined(separator: " "),
            // No hyphenation: option names and variables must stay whole.
            ".nh",
            ".SH NAME",
        ]
        lines += Roff.filled(name + " - " + command.summary)
        lines += Self.section("SYNOPSIS", synopsis(chain))
        lines += Self.section("DESCRIPTION", description(chain))
        lines += commandList(chain)
        lines += options(chain)
        lines += permissions(chain)
        lines += entries("ENVIRONMENT", optionVariables + environment)
        lines += entries("FILES", files)
        lines += entries("EXIT STATUS", exitStatus)
        lines += examples(command.examples)
        if let security { lines += Self.section("SECURITY", Roff.paragraphs(security)) }
        lines += seeAlsoSection(chain)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `.SH TITLE` and its body, which needs no paragraph break of its own at the start.
    private static func section(_ title: String, _ body: [String]) -> [String] {
        [".SH " + (title.contains(" ") ? Roff.quotedArgument(title) : title)] + (body.first == ".PP" ? Array(body.dropFirst()) : body)
    }

    /// The usage line with the command words in bold.
    private func synopsis(_ chain: CommandChain<Action>) -> [String] {
        let words = chain.displayName
        let rest = chain.usageLine.dropFirst(words.count).drop { $0 == " " }
        return Roff.filled(String(rest), leading: Roff.bold(words))
    }

    private func description(_ chain: CommandChain<Action>) -> [String] {
        let command = chain.current
        var lines = Roff.filled(command.summary + ".")
        if let discussion = command.discussion { lines += Roff.paragraphs(discussion) }
        if !command.aliases.isEmpty {
            let parent = chain.displayName.dropLast(command.name.count)
            lines += [".PP"] + Roff.filled("Also typed as " + command.aliases.map { parent + $0 }.joined(separator: ", ") + ".")
        }
        let arguments = command.isGroup ? [] : command.arguments.filter { !$0.fullHelp.isEmpty }
        if !arguments.isEmpty {
            lines += [".PP", "Arguments:", ".RS"]
            lines += arguments.flatMap { Roff.tagged(Roff.italic($0.usageWord), $0.fullHelp) }
            lines.append(".RE")
        }
        return lines
    }

    /// A group's commands (on the program's page, every command), each with the page
    /// that tells more.
    private func commandList(_ chain: CommandChain<Action>) -> [String] {
        let listed = chain.isRoot
            ? documentedChains.filter { !$0.isRoot && $0.current.isRunnable }
            : chain.current.subcommands.filter { !$0.hidden }.map { chain.descending(into: $0) }
        guard !listed.isEmpty else { return [] }
        var lines = [".SH COMMANDS"]
        for child in listed {
            lines += [".TP", Roff.bold(child.displayName)] + Roff.filled(child.current.summary + ".")
            lines.append("See " + Roff.reference(pageName(child), section: section) + ".")
        }
        return lines
    }

    /// The command's own and inherited options, then the global ones.
    private func options(_ chain: CommandChain<Action>) -> [String] {
        let table = chain.optionTable
        if chain.isRoot {
            return [".SH OPTIONS"] + optionEntries(table.own)
        }
        var lines = [".SH OPTIONS"]
        let own = (table.own + table.inherited).filter { !$0.hidden }
        lines += own.isEmpty ? Roff.filled("This command has no options of its own.") : optionEntries(own)
        lines += [".SS \"Global options\""] + optionEntries(table.global)
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

    /// What a command needs; the program and groups need nothing themselves.
    private func permissions(_ chain: CommandChain<Action>) -> [String] {
        guard let section = permissionDocs.section(chain) else { return [] }
        var body = section.rows.flatMap { Roff.tagged(Roff.bold($0.term), $0.text) }
        if let sentence = section.sentence { body += [".PP"] + Roff.filled(sentence) }
        return Self.section("PERMISSIONS", body)
    }

    private func entries(_ title: String, _ entries: [ManPageEntry]) -> [String] {
        guard !entries.isEmpty else { return [] }
        return Self.section(title, entries.flatMap { Roff.tagged(Roff.bold($0.term), $0.text) })
    }

    /// Environment variables named by options, once each, in tree order.
    private var optionVariables: [ManPageEntry] {
        var seen: Set<String> = []
        return documentedChains.flatMap { $0.optionTable.own }.compactMap { option in
            guard !option.hidden, let variable = option.environment, seen.insert(variable).inserted else { return nil }
            return ManPageEntry(variable, "Same as --\(option.long).")
        }
    }

    private func examples(_ examples: [Example]) -> [String] {
        guard !examples.isEmpty else { return [] }
        var body: [String] = []
        for example in examples {
            body.append(".PP")
            if let summary = example.summary { body += Roff.filled(summary + ":") }
            body += [".RS 4", ".nf"] + Roff.unfilled("$ " + example.command) + [".fi", ".RE"]
        }
        return Self.section("EXAMPLES", body)
    }

    /// The program's page, the command's group, its subcommands or its siblings, then
    /// other programs' pages.
    private func seeAlsoSection(_ chain: CommandChain<Action>) -> [String] {
        var related: [CommandChain<Action>] = []
        if !chain.isRoot { related.append(CommandChain(root: root)) }
        if chain.commands.count > 2 {
            var parent = CommandChain(root: root)
            for command in chain.commands.dropFirst().dropLast() { parent = parent.descending(into: command) }
            related.append(parent)
            if !chain.current.isGroup {
                related += parent.current.subcommands.filter { !$0.hidden && $0.name != chain.current.name }
                    .map { parent.descending(into: $0) }
            }
        }
        related += chain.current.subcommands.filter { !$0.hidden }.map { chain.descending(into: $0) }
        let references = related.map { Roff.reference(pageName($0), section: section) }
            + seeAlso.map(externalReference)
        guard !references.isEmpty else { return [] }
        return [".SH \"SEE ALSO\""] + references.enumerated().map { index, reference in
            index == references.count - 1 ? reference : reference + ","
        }
    }

    /// `jq(1)` as a reference.
    private func externalReference(_ page: String) -> String {
        guard let open = page.firstIndex(of: "("), page.hasSuffix(")") else { return Roff.bold(page) }
        return Roff.reference(String(page[..<open]), section: String(page[page.index(after: open)...].dropLast()))
    }
}
