/// A command together with its ancestors: what the parser has reached, and what
/// every renderer needs to know which options apply and how to name the command.
struct CommandChain<Action: Sendable>: Sendable {
    /// Root first, the command reached last.
    private(set) var commands: [Command<Action>]
    /// Canonical names below the root (`["servers", "list"]`).
    private(set) var path: [String]

    init(root: Command<Action>) {
        commands = [root]
        path = []
    }

    var root: Command<Action> { commands[0] }
    var current: Command<Action> { commands[commands.count - 1] }
    var isRoot: Bool { commands.count == 1 }

    /// `nsx servers list`: the words that reach the command.
    var displayName: String { ([root.name] + path).joined(separator: " ") }

    func descending(into child: Command<Action>) -> CommandChain {
        var next = self
        next.commands.append(child)
        next.path.append(child.name)
        return next
    }

    var optionTable: OptionTable { OptionTable(chain: self) }

    /// The subcommand the word names, by name or alias.
    func subcommand(named word: String) -> Command<Action>? {
        current.subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }
}

extension Command {
    /// The chain reaching the command at `path` (names or aliases), or nil.
    func chain(to path: [String]) -> CommandChain<Action>? {
        var chain = CommandChain(root: self)
        for word in path {
            guard let child = chain.subcommand(named: word) else { return nil }
            chain = chain.descending(into: child)
        }
        return chain
    }

    /// Every command of the tree with its chain, parents before children, in declared order.
    func allChains() -> [CommandChain<Action>] {
        func walk(_ chain: CommandChain<Action>) -> [CommandChain<Action>] {
            [chain] + chain.current.subcommands.flatMap { walk(chain.descending(into: $0)) }
        }
        return walk(CommandChain(root: self))
    }
}
