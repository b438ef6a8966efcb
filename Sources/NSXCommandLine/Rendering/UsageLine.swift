extension CommandChain {
    /// `nsx servers list [flags]`, `nsx servers <command> [flags]`, `nsx tokens revoke ID... [flags]`,
    /// `nsx servers create --name name --region region [flags]` (required options named);
    /// a command's own `usage` replaces everything after its name.
    var usageLine: String {
        let command = current
        if let usage = command.usage {
            return usage.isEmpty ? displayName : displayName + " " + usage
        }
        var parts = [displayName]
        if command.isGroup {
            parts.append(command.action == nil ? "<command>" : "[<command>]")
        } else {
            parts += command.arguments.map(\.usageWord)
        }
        parts += optionTable.all.filter(\.required).map { "--" + $0.long + " " + $0.valueName }
        parts.append("[flags]")
        return parts.joined(separator: " ")
    }
}

extension Argument {
    /// `ID`, `[ID]`, `ID...` or `[ID...]`.
    var usageWord: String {
        let word = repeatable ? name + "..." : name
        return optional ? "[\(word)]" : word
    }
}
