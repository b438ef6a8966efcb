/// The facts every completion script needs, taken once from the tree: for each
/// command (named by its full path, `nsx servers list`), how words move on to
/// subcommands, which options take a value, and what may be offered. Global options
/// are kept apart so each script states them once instead of at every command.
struct CompletionModel: Sendable {
    struct State: Sendable {
        /// `nsx servers list`.
        var name: String
        /// Typed word (name or alias) → the state it leads to.
        var transitions: [(word: String, target: String)]
        /// Visible subcommands to offer.
        var subcommands: [(name: String, summary: String)]
        /// Options valid here besides the global ones (hidden included, so the walk can
        /// skip their values): the command's own and inherited ones; `--version` at the root.
        var localOptions: [Option]
        var arguments: [Argument]

        var visibleLocalOptions: [Option] { localOptions.filter { !$0.hidden } }
        var localValueOptions: [Option] { localOptions.filter(\.takesValue) }
    }

    /// Where an option is accepted, for shells that attach options to conditions.
    enum Scope: Sendable {
        case everywhere
        case at(String)
        /// Strictly below the named command (it has the option as its own already).
        case below(String)
    }

    let program: String
    let states: [State]
    /// The root's options and `--help`: accepted at every command.
    let globalOptions: [Option]
    /// Each visible option once, where it is declared: global ones everywhere, `--version`
    /// at the root alone, an inherited group option also below the group.
    let scopedOptions: [(option: Option, scope: Scope)]

    init<Action>(root: Command<Action>) {
        program = root.name
        let chains = root.allChains()
        let globals = root.options + [OptionTable.helpOption]
        globalOptions = globals
        states = chains.map { chain in
            let command = chain.current
            let table = chain.optionTable
            return State(
                name: chain.displayName,
                transitions: command.subcommands.flatMap { child in
                    ([child.name] + child.aliases).map { ($0, chain.displayName + " " + child.name) }
                },
                subcommands: command.subcommands.filter { !$0.hidden }.map { ($0.name, $0.summary) },
                localOptions: chain.isRoot ? table.own.filter { option in !globals.contains(option) } : table.own + table.inherited,
                arguments: command.isGroup ? [] : command.arguments)
        }
        scopedOptions = globals.filter { !$0.hidden }.map { ($0, .everywhere) }
            + chains.flatMap { chain -> [(option: Option, scope: Scope)] in
                let name = chain.displayName
                if chain.isRoot {
                    return chain.optionTable.own.filter { !globals.contains($0) }.map { ($0, .at(name)) }
                }
                let own = chain.current.options.filter { !$0.hidden }
                return own.map { ($0, .at(name)) } + own.filter(\.inherited).map { ($0, .below(name)) }
            }
    }

    var visibleGlobalOptions: [Option] { globalOptions.filter { !$0.hidden } }

    /// Whether any option or argument asks the program for its values (`DynamicCompletion`):
    /// only then does a script carry the function that asks.
    var asksTheProgram: Bool {
        states.contains { state in
            state.localOptions.contains { $0.completion != nil } || state.arguments.contains { $0.completion != nil }
        } || globalOptions.contains { $0.completion != nil }
    }

    /// A name usable in shell function names: `nsx` → `nsx`, `my-tool` → `my_tool`.
    var identifier: String {
        String(program.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

extension Option {
    /// `--output` and `-o`: how the option may appear as its own word.
    var spellings: [String] {
        ["--" + long] + (short.map { ["-\($0)"] } ?? [])
    }

    var isPathValue: Bool { valueKind == .path }
}

/// Quoting for POSIX-like shells (bash, zsh): one single-quoted word.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingAll("'", with: "'\\''") + "'"
}
