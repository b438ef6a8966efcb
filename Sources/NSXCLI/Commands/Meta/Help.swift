import NSXCommandLine

/// `nsx help [COMMAND…]` and the topics `exit-codes`, `environment`, `formatting` and
/// `permissions`: help pages on stdout, rendered from the one command tree; the topics from
/// the tables nsx itself uses (exit codes, variables, permissions).
enum Help: Verb {
    enum Topic: String, CaseIterable {
        case exitCodes = "exit-codes"
        case environment
        case formatting
        case permissions
    }

    static let topic: WordsArgument = .words("TOPIC", help: "A command path, or exit-codes, environment, formatting or permissions",
                                             optional: true)

    static let spec = NSXCommand(
        "help",
        summary: "Show help for a command, or on exit codes, environment, formatting or permissions",
        arguments: [topic],
        examples: [Example("nsx help servers create"), Example("nsx help exit-codes"), Example("nsx help formatting"),
                   Example("nsx help permissions")], action: runner)

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
                                        usageLine: "nsx help [COMMAND…] | help " + Topic.allCases.map(\.rawValue).joined(separator: " | help "),
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
        case .formatting:
            return formatting
        case .permissions:
            let rows = Permission.all.map { ($0, Permission.meanings[$0] ?? "") }
            return "The ten permissions of an API token (a session from nsx login holds them all):\n\n" + table(rows)
                + "\n" + permissions
        }
    }

    static let formatting = """
        Output formats: -o, --output FORMAT (--json is -o json; NSX_OUTPUT or `nsx config set output`
        choose a default).

          table    for people: aligned columns fitted to the terminal; colour only on a terminal
          json     exactly the API's data: an object (get, create, update, actions), an array (list)
          ndjson   one compact JSON object a line; lists stream page by page (best for --all)
          csv      RFC 4180 with a header row; maps as k=v;k=v, lists space-separated
          yaml     the same data as json

        --fields a,b picks keys (a table's columns) in that order, nested ones with dots (labels.env);
        an unknown field is a usage error naming the valid ones. --no-headers drops the header row of
        tables and CSV. -q prints only IDs, one a line.

        stdout carries results only; messages, progress and questions go to stderr. With -o json or
        ndjson an error is a JSON object on stderr too, {"success": false, "error": {"code", "message"}},
        and the exit code says what failed (nsx help exit-codes).

        Scripting with jq:

          nsx servers list --all -o json | jq -r '.[] | select(.status == "active") | .name'
          nsx instances list --all -o ndjson | jq -r 'select(.status == "stopped") | .id'
          nsx servers get web-1 -o json | jq -r .ipv4
          nsx tokens audit -o json | jq -r '.[] | select(.severity == "high") | .fix'
          nsx auth status --json | jq -r .expires_at

        """

    static let permissions = """
        --perm takes one permission, a comma list (servers:read,servers:write), or wildcards: servers:*
        (every servers permission), *:read (every read permission), * (all of them). The compact form
        tables show works too (servers:rw, instances:r+actions). --read-only grants every :read one.

        --for "COMMAND" grants exactly what an nsx command needs, as its --help lists under PERMISSIONS;
        a group (--for servers) grants what all its commands need. Repeat it, and mix it with --perm:

          nsx tokens create --name deploy --for "servers list" --for "instances restart" --expires 30d
          nsx tokens create --name reader --read-only --test

        A token can never grant a permission it lacks, make a live token if it is a test one, or outlive
        itself. Managing tokens needs settings:read (list, show) and settings:write (create, revoke,
        rotate). On a 403 nsx names the missing permission, what the credential holds, and the tokens
        create line that would do the job.

        """

    private static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map { $0.0.count }.max() ?? 0
        return rows.map { "  \($0.0 + String(repeating: " ", count: width - $0.0.count))  \($0.1)\n" }.joined()
    }
}
