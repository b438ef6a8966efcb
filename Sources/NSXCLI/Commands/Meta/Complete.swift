import NSXCommandLine
import NSXJSON

/// `nsx __complete SOURCE -- WORD [TYPED…]` (hidden): the values the completion scripts
/// offer where the tree marks a `DynamicCompletion` — live IDs and names, stored profiles,
/// permissions in a `--perm` list — starting with WORD, one a line with a tab and a
/// description. TYPED are the words before it, for their `--profile`, `--api-url` and
/// `--test`. It never prompts, touches the keyring at most once, answers from the cache
/// (`CompletionCache`) when it can, gives up after 0.75 s, and on any failure prints
/// nothing and exits 0 (`NSXApp.run` sees to that).
enum Complete: Verb {
    static let source: WordArgument = .word("SOURCE")
    static let typed: WordsArgument = .words("WORD", optional: true)

    static let spec = NSXCommand(DynamicCompletion.command, summary: "Print completion values for the shell scripts",
                                 arguments: [source, typed], hidden: true, action: runner)

    struct Words: Equatable {
        /// Nil for a source this nsx does not know (a script from another version).
        var source: CompletionSource?
        /// The word being completed.
        var current: String
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        Words(source: CompletionSource(rawValue: parsed[source]), current: parsed[typed].first ?? "")
    }

    static func dependencies(_ invocation: Invocation) -> CompletionAccess {
        CompletionAccess(invocation, typed: Array(invocation.parsed[typed].dropFirst()))
    }

    static func run(_ words: Words, _ access: CompletionAccess) throws(CLIError) {
        guard let source = words.source else { return }
        let lines: [String]
        switch source {
        case .permissions: lines = permissionLines(words.current)
        case .profiles: lines = try profileLines(access)
        case .servers, .instances, .backups, .tokens: lines = try resourceLines(source, access)
        }
        let offered = lines.filter { $0.prefix { $0 != "\t" }.hasPrefix(words.current) }
        if !offered.isEmpty { access.streams.out.write(offered.joined(separator: "\n") + "\n") }
    }

    /// In a comma list, the permissions not named yet, each after the list so far:
    /// `servers:read,ser` → `servers:read,servers:write`.
    static func permissionLines(_ current: String) -> [String] {
        let named = current.split(separator: ",", omittingEmptySubsequences: false).dropLast().map(String.init)
        let head = named.isEmpty ? "" : named.joined(separator: ",") + ","
        return Permission.all.filter { !named.contains($0) }.map { line(head + $0, Permission.meanings[$0] ?? "") }
    }

    /// `work<TAB>https://app.nurosentrix.com, me@example.com`.
    static func profileLines(_ access: CompletionAccess) throws(CLIError) -> [String] {
        try access.profiles().sorted { $0.key < $1.key }.map { name, facts in
            line(name, ([facts.apiURL] + [facts.tokenName ?? facts.email].compactMap { $0 }).joined(separator: ", "))
        }
    }

    /// Each resource twice, by ID (described by its name) and by name (described by its ID),
    /// from the cache when it is fresh, else from the API (which then fills the cache).
    static func resourceLines(_ source: CompletionSource, _ access: CompletionAccess) throws(CLIError) -> [String] {
        guard let kind = source.resource else { return [] }
        let key = try access.cacheKey()
        if let key, let cached = access.cache.read(source, key: key, now: access.clock.now()) { return cached }
        var query: [(String, String)] = []
        if kind.plural == ResourceKind.token.plural, access.testEnvironment { query.append(("environment", "test")) }
        var lines: [String] = []
        try access.client().forEachPage(kind.path, query: query, extent: .limit(1000)) { (page: [JSONValue]) throws(CLIError) in
            for item in page {
                guard let id = item["id"]?.stringValue else { continue }
                let name = item["name"]?.stringValue
                lines.append(line(id, name ?? ""))
                if let name { lines.append(line(name, id)) }
            }
        }
        lines = lines.filter { !$0.isEmpty }
        if let key { access.cache.write(lines, source, key: key) }
        return lines
    }

    /// `value<TAB>description`; empty when the value could not be offered safely (a control
    /// character in a name from the server would break the line or reach the terminal).
    static func line(_ value: String, _ description: String) -> String {
        guard !value.isEmpty, !value.unicodeScalars.contains(where: isControl) else { return "" }
        let described = String(String.UnicodeScalarView(description.unicodeScalars.map { isControl($0) ? " " : $0 }))
        return described.isEmpty ? value : value + "\t" + described
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isBidiControl
    }
}
