/// One node of the command tree: the program itself (the root), a group of
/// subcommands, or a runnable leaf. The whole CLI is one value of this type, and
/// the parser, help, completions and man page are all read from it.
public struct Command<Action: Sendable>: Sendable {
    /// The word typed to reach this command (`servers`); the root's name is the program name.
    public var name: String
    /// Other words accepted in place of `name` (`ls` for `list`). Never shown as commands.
    public var aliases: [String]
    /// One line, no final full stop: shown in command lists and as the help's first line.
    public var summary: String
    /// Longer text for help and the man page. Paragraphs are separated by a blank line;
    /// a paragraph whose lines are indented is kept as written (for tables or samples).
    public var discussion: String?
    /// Replaces the generated usage after the command path (`--name N (--perm P... | --read-only)`).
    public var usage: String?
    public var options: [Option]
    public var arguments: [Argument]
    public var subcommands: [Command<Action>]
    public var examples: [Example]
    /// What running this command needs (for example API permissions); the tree only carries them.
    public var permissions: [String]
    /// What it needs in words, where a list cannot say it (`nsx api`: whatever the route needs).
    public var permissionsNote: String?
    /// Hidden commands parse as usual but are left out of help, completions and the man page.
    public var hidden: Bool
    /// What the caller runs for this command. A group with an action runs it when no
    /// subcommand is given; a group without one is a usage error then.
    public var action: Action?

    public init(
        _ name: String,
        aliases: [String] = [],
        summary: String,
        discussion: String? = nil,
        usage: String? = nil,
        options: [any OptionKey] = [],
        arguments: [any ArgumentKey] = [],
        subcommands: [Command<Action>] = [],
        examples: [Example] = [],
        permissions: [String] = [],
        permissionsNote: String? = nil,
        hidden: Bool = false,
        action: Action? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.discussion = discussion
        self.usage = usage
        self.options = options.map(\.option)
        self.arguments = arguments.map(\.argument)
        self.subcommands = subcommands
        self.examples = examples
        self.permissions = permissions
        self.permissionsNote = permissionsNote
        self.hidden = hidden
        self.action = action
    }

    /// A command with subcommands: its next word must name one of them.
    public var isGroup: Bool { !subcommands.isEmpty }

    /// Whether the command does something when reached with no further command word.
    public var isRunnable: Bool { action != nil || !isGroup }
}
