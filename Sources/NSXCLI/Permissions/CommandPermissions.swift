import NSXCommandLine

/// `tokens create --for "servers list"`: the least permissions that let some nsx commands
/// run, read from what each command of the one tree declares it needs.
///
/// A group (`--for servers`) stands for every command in it, so it grants the union of
/// their permissions; the computed set is always shown before the token is created.
enum CommandPermissions {
    struct Resolution: Equatable {
        /// The commands as canonically named (`servers list`), in the order given.
        var commands: [String]
        /// Their permissions, canonical order, no duplicates.
        var permissions: [String]
    }

    static func resolve(_ phrases: [String], root: NSXCommand = CommandTree.root) throws(CLIError) -> Resolution {
        var commands: [String] = []
        var permissions: [String] = []
        for phrase in phrases {
            var words = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.first == root.name { words.removeFirst() }
            guard !words.isEmpty else {
                throw .usage("--for needs an nsx command, e.g. --for \"servers list\"")
            }
            guard let (path, command) = walk(words, from: root) else {
                throw unknownCommand(words.joined(separator: " "), root: root)
            }
            let name = path.joined(separator: " ")
            let needed = command.isGroup
                ? command.leaves().filter { !$0.command.hidden }.flatMap(\.command.permissions)
                : command.permissions
            guard !needed.isEmpty else {
                if path == [API.spec.name] {
                    throw .usage("\"nsx \(name)\" can call any API route, so nsx cannot tell what it needs",
                                 hint: "Name the permissions with --perm.")
                }
                throw .usage("\"nsx \(name)\" needs no API permission",
                             hint: "--for takes commands that work on API resources, e.g. --for \"servers list\".")
            }
            if !commands.contains(name) { commands.append(name) }
            permissions += needed
        }
        return Resolution(commands: commands, permissions: Permission.canonicalOrder(permissions))
    }

    /// Follows words (names or aliases) down the tree; returns the canonical path too.
    static func walk(_ words: [String], from root: NSXCommand) -> ([String], NSXCommand)? {
        var current = root
        var path: [String] = []
        for word in words {
            guard let next = current.subcommands.first(where: { $0.name == word || $0.aliases.contains(word) }) else { return nil }
            current = next
            path.append(next.name)
        }
        return (path, current)
    }

    static func unknownCommand(_ typed: String, root: NSXCommand) -> CLIError {
        let known = visibleCommandPaths(root)
        if let close = closestMatch(to: typed, in: known) {
            return .usage("unknown command \"\(typed)\" in --for; did you mean \"\(close)\"?",
                          hint: "Commands are named as you type them after nsx, e.g. --for \"servers list\".")
        }
        return .usage("unknown command \"\(typed)\" in --for",
                      hint: "Commands are named as you type them after nsx, e.g. --for \"servers list\"; see nsx help.")
    }

    /// Every visible command and group that declares (or holds commands that declare) permissions.
    static func visibleCommandPaths(_ root: NSXCommand) -> [String] {
        var result: [String] = []
        func visit(_ command: NSXCommand, _ path: [String]) {
            for child in command.subcommands where !child.hidden {
                let childPath = path + [child.name]
                let needsSomething = child.isGroup
                    ? child.leaves().contains { !$0.command.permissions.isEmpty }
                    : !child.permissions.isEmpty
                if needsSomething { result.append(childPath.joined(separator: " ")) }
                visit(child, childPath)
            }
        }
        visit(root, [])
        return result
    }
}
