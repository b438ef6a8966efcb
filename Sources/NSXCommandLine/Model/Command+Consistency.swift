extension Command {
    /// Mistakes in the tree itself, one sentence each; empty when the tree is sound.
    /// Meant for a test of the real tree, so a bad edit fails CI instead of confusing users:
    /// clashing command words or option names, options shadowing `--help`/`--version`,
    /// arguments the parser could never fill, defaults their own kind rejects, and
    /// examples that do not parse.
    public func consistencyProblems() -> [String] {
        allChains().flatMap { chain in
            commandProblems(chain) + optionProblems(chain) + argumentProblems(chain) + exampleProblems(chain)
        }
    }

    private func commandProblems(_ chain: CommandChain<Action>) -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for child in chain.current.subcommands {
            for word in [child.name] + child.aliases where !seen.insert(word).inserted {
                problems.append("\"\(chain.displayName)\" has two subcommands called \"\(word)\"")
            }
            if child.name.isEmpty || child.name.hasPrefix("-") {
                problems.append("\"\(chain.displayName)\" has a subcommand named \"\(child.name)\"")
            }
        }
        if chain.current.isGroup && !chain.current.arguments.isEmpty {
            problems.append("\"\(chain.displayName)\" has both subcommands and arguments")
        }
        return problems
    }

    private func optionProblems(_ chain: CommandChain<Action>) -> [String] {
        let name = chain.displayName
        var problems: [String] = []
        let declared = chain.current.options
        for option in declared {
            if isBuiltInName(option, chain) {
                problems.append("\"\(name)\" declares \(option.displayNames), which is built in")
            }
            if option.long.isEmpty || option.long.hasPrefix("-") || option.long.contains("=") {
                problems.append("\"\(name)\" has an option named \"\(option.long)\"")
            }
            if let defaultValue = option.defaultValue, let kind = option.valueKind, !kind.accepts(defaultValue) {
                problems.append("\"\(name)\" --\(option.long) has default \"\(defaultValue)\", not \(kind.expectation)")
            }
            // Help adds these notes itself (OptionDocs): written in the text too, they show twice.
            let added = [("repeatable", option.repeatable && option.takesValue), ("default", option.defaultValue != nil),
                         ("env", option.environment != nil)]
            for (note, isAdded) in added where isAdded && option.help.contains("(\(note)") {
                problems.append("\"\(name)\" --\(option.long) says (\(note)…) in its help, which help adds itself")
            }
        }
        // A clash is reported where it is introduced: at the command declaring the later option.
        let accepted = chain.optionTable.all
        for option in declared where !isBuiltInName(option, chain) {
            if accepted.filter({ $0.long == option.long }).count > 1 {
                problems.append("\"\(name)\" accepts --\(option.long) twice")
            }
            if let short = option.short, accepted.filter({ $0.short == short }).count > 1 {
                problems.append("\"\(name)\" accepts -\(short) twice")
            }
        }
        return problems
    }

    private func isBuiltInName(_ option: Option, _ chain: CommandChain<Action>) -> Bool {
        option.long == "help" || option.short == "h" || (chain.isRoot && option.long == "version")
    }

    private func argumentProblems(_ chain: CommandChain<Action>) -> [String] {
        let arguments = chain.current.arguments
        var problems: [String] = []
        if let variadic = arguments.firstIndex(where: \.repeatable), variadic != arguments.count - 1 {
            problems.append("\"\(chain.displayName)\" has arguments after the repeatable \(arguments[variadic].name)")
        }
        var names: Set<String> = []
        for argument in arguments where !names.insert(argument.name).inserted {
            problems.append("\"\(chain.displayName)\" has two arguments called \(argument.name)")
        }
        return problems
    }

    /// Examples written as plain command lines must parse; ones using shell syntax
    /// (pipes, redirections, substitutions) are left alone.
    private func exampleProblems(_ chain: CommandChain<Action>) -> [String] {
        let parser = Parser(root: chain.root)
        return chain.current.examples.compactMap { example -> String? in
            guard !example.command.contains(where: { "|&;<>$`".contains($0) }),
                  let words = shellWords(example.command), words.first == chain.root.name else { return nil }
            do throws(UsageError) {
                _ = try parser.parse(Array(words.dropFirst()))
                return nil
            } catch {
                return "example \"\(example.command)\" does not parse: \(error.message)"
            }
        }
    }
}
