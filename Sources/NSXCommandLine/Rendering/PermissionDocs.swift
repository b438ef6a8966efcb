/// How help and the man page describe what a command needs (`Command.permissions`): what
/// each permission allows, a note said once under the list, and what to say of a command
/// that declares none.
public struct PermissionDocs: Sendable, Equatable {
    /// `servers:write` → `Create, update, delete servers`.
    public var descriptions: [String: String]
    /// Said after a command's list (`A session from nsx login holds every permission.`);
    /// `{command}` stands for the command's words after the program name (`servers create`).
    public var note: String?
    /// Said of a command that declares no permission and no `permissionsNote`; without it,
    /// such a command has no PERMISSIONS section.
    public var none: String?

    public init(descriptions: [String: String] = [:], note: String? = nil, none: String? = nil) {
        self.descriptions = descriptions
        self.note = note
        self.none = none
    }

    /// The PERMISSIONS section of a command: `(permission, what it allows)` rows, then a
    /// sentence. Nil for the program itself and for groups, which run nothing of their own,
    /// and for a command with nothing to say.
    func section<Action>(_ chain: CommandChain<Action>) -> (rows: [(term: String, text: String)], sentence: String?)? {
        let command = chain.current
        guard !chain.isRoot, !command.isGroup else { return nil }
        if command.permissions.isEmpty {
            guard let sentence = command.permissionsNote ?? none else { return nil }
            return ([], sentence)
        }
        let sentence = command.permissionsNote ?? note?.replacingAll("{command}", with: chain.path.joined(separator: " "))
        return (command.permissions.map { ($0, descriptions[$0] ?? "") }, sentence)
    }
}
