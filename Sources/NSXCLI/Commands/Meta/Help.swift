import NSXCommandLine

/// `nsx help [COMMAND…]`, `nsx help exit-codes`, `nsx help environment`: help pages on
/// stdout, rendered from the one command tree; the two topics from the exit-code and
/// environment tables nsx itself uses.
enum Help: Verb {
    enum Topic: String, CaseIterable {
        case exitCodes = "exit-codes"
        case environment
    }

    static let topic: WordsArgument = .words("TOPIC", help: "A command path, exit-codes or environment", optional: true)

    static let spec = NSXCommand(
        "help",
        summary: "Show help for a command, the exit codes, or the environment",
        arguments: [topic],
        examples: [Example("nsx help servers create"), Example("nsx help exit-codes")], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> [String] { parsed[topic] }

    static func run(_ words: [String], _ streams: IOStreams) throws(CLIError) {
        if words.count == 1, let topic = Topic(rawValue: words[0]) {
            streams.out.write(render(topic))
            return
        }
        let path = try commandPath(words)
        streams.out.write(HelpPage.render(path: path, streams: streams))
    }

    /// The canonical path of the command named by `words` (names or aliases), or the usage
    /// error the parser would give for the first word that names nothing.
    static func commandPath(_ words: [String]) throws(CLIError) -> [String] {
        var command = CommandTree.root
        var path: [String] = []
        for word in words {
            guard let next = command.subcommands.first(where: { $0.name == word || $0.aliases.contains(word) }) else {
                var candidates = command.subcommands.filter { !$0.hidden }.map(\.name)
                if path.isEmpty { candidates += Topic.allCases.map(\.rawValue) }
                throw .parse(UsageError(reason: .unknownCommand(word: word, parent: (["nsx"] + path).joined(separator: " ")),
                                        usageLine: "nsx help [COMMAND…] | help exit-codes | help environment",
                                        suggestion: closestMatch(to: word, in: candidates),
                                        commandPath: ["help"], program: "nsx"))
            }
            command = next
            path.append(next.name)
        }
        return path
    }

    static func render(_ topic: Topic) -> String {
        switch topic {
        case .exitCodes:
            let rows = ExitCode.allCases.map { (String($0.rawValue), $0.meaning) }
            return "Exit codes of nsx (scripts may rely on them):\n\n" + table(rows)
        case .environment:
            let rows = EnvironmentVariable.allCases.map { ($0.rawValue, $0.meaning) }
            return "Environment variables nsx reads (a flag beats its variable):\n\n" + table(rows)
        }
    }

    private static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map { $0.0.count }.max() ?? 0
        return rows.map { "  \($0.0 + String(repeating: " ", count: width - $0.0.count))  \($0.1)\n" }.joined()
    }
}
