/// The options that apply at one command, split the way help shows them.
/// The parser, help, completions and man page all ask this one table, so they
/// agree on what is accepted where.
struct OptionTable: Sendable {
    /// The command's own options; at the root also `--help` and `--version`.
    let own: [Option]
    /// Options marked `inherited` on groups between the root and the command.
    let inherited: [Option]
    /// The root's options plus `--help`, for every command below the root.
    let global: [Option]

    init<Action>(chain: CommandChain<Action>) {
        let help = OptionTable.helpOption
        if chain.isRoot {
            own = chain.root.options + [help, OptionTable.versionOption(program: chain.root.name)]
            inherited = []
            global = []
        } else {
            own = chain.current.options
            // By index: a flatMap over the generic commands is not specialised across
            // modules, and its run-time generic lookups cost more than the whole walk.
            let commands = chain.commands
            var options: [Option] = []
            for index in commands.indices.dropFirst().dropLast() { options += commands[index].options.filter(\.inherited) }
            inherited = options
            global = chain.root.options + [help]
        }
    }

    /// Nearest declaration first, so a command can shadow an inherited option.
    var all: [Option] { own + inherited + global }

    var visible: [Option] { all.filter { !$0.hidden } }

    func option(long: String) -> Option? { all.first { $0.long == long } }

    func option(short: Character) -> Option? { all.first { $0.short == short } }

    static let helpOption = Option(long: "help", short: "h", kind: .flag, help: "Show help for command")

    static func versionOption(program: String) -> Option {
        Option(long: "version", kind: .flag, help: "Show \(program) version")
    }
}
