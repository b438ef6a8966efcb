/// The shells completion scripts are written for.
public enum Shell: String, Sendable, CaseIterable {
    case bash, zsh, fish
}

/// Completion scripts for bash, zsh and fish, generated from the command tree.
///
/// Each script walks the words typed so far the way the parser does (skipping option
/// values, following command words and aliases, stopping at `--`) and then offers
/// subcommands, the options valid there (global ones included), the choices of an
/// option's value or of a positional argument, or file names for path values.
public struct CompletionRenderer<Action: Sendable>: Sendable {
    public let root: Command<Action>

    public init(root: Command<Action>) {
        self.root = root
    }

    public func render(_ shell: Shell) -> String {
        let model = CompletionModel(root: root)
        switch shell {
        case .bash: return BashCompletion(model: model).script
        case .zsh: return ZshCompletion(model: model).script
        case .fish: return FishCompletion(model: model).script
        }
    }
}
