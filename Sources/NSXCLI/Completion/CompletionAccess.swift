import NSXCommandLine
import NSXConfig
import NSXTime

/// What `nsx __complete` is handed: the API as the profile the typed words name (their
/// `--profile`, `--api-url` and `--test` count, as they would when the command runs), all
/// under a deadline of 0.75 s; the stored profiles; the cache; and where to print.
struct CompletionAccess {
    /// Everything — keyring, network, cache — within this, so TAB never hangs the shell: with
    /// start-up and exit the whole process stays under a second (measured 0.98–1.01 s at 0.9).
    static let budget: Duration = .milliseconds(750)

    let streams: IOStreams
    let clock: WallClock
    let cache: CompletionCache
    let testEnvironment: Bool
    private let factory: Factory

    init(_ invocation: Invocation, typed: [String]) {
        let base = invocation.factory
        var globals = base.globals
        let given = Self.globalWords(typed)
        if !given.isEmpty, let document = try? base.configDocument(),
           let resolved = try? GlobalOptionsResolver.resolve(
               ParsedCommand(path: [], command: CommandTree.root, values: given),
               environment: base.environment, settings: GlobalOptionsResolver.settings(document)) {
            globals.profile = resolved.profile
            globals.explicitAPIURL = resolved.explicitAPIURL
            globals.testEnvironment = resolved.testEnvironment
        }
        factory = Factory(streams: base.streams, environment: base.environment, globals: globals,
                          dependencies: base.dependencies, loadedConfig: try? base.configDocument(),
                          deadline: ContinuousClock.now + Self.budget)
        streams = base.streams
        clock = base.clock
        cache = CompletionCache(environment: base.environment)
        testEnvironment = globals.testEnvironment
    }

    /// The stored logins, by profile name (config.json alone: no keyring, no network).
    func profiles() throws(CLIError) -> [String: ProfileFacts] { try factory.configDocument().profiles }

    /// A client with the credential in use; a session is never renewed here.
    func client() throws(CLIError) -> APIClient { try factory.api.client(.never) }

    /// What decides the answers, for the cache: the profile (or, for `NSX_TOKEN`, its public
    /// prefix), the API URL and the environment. Nil when only a secret could tell them
    /// apart (a session in `NSX_TOKEN`): such answers are not kept.
    func cacheKey() throws(CLIError) -> String? {
        let who: String
        if let token = factory.environment[EnvironmentVariable.token.rawValue]?.trimmingWhitespace(), !token.isEmpty {
            guard TokenFormat.isAPIToken(token) else { return nil }
            who = "token=" + token.prefix(TokenFormat.livePrefix.count + 4)
        } else {
            who = "profile=" + factory.globals.profile
        }
        return "\(who) api_url=\(APIURL.normalized(try factory.apiURL())) environment=\(testEnvironment ? "test" : "live")"
    }

    /// `--profile`, `--api-url` and `--test` among the words typed, as the parser would read
    /// them; anything else is left alone, and `--` ends the search.
    static func globalWords(_ words: [String]) -> [String: [String]] {
        let valued = [ValueOption.profile, .apiURL].map(\.option.long)
        var values: [String: [String]] = [:]
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if word == "--" { break }
            guard word.hasPrefix("--") else { continue }
            let name = String(word.dropFirst(2).prefix { $0 != "=" })
            if name == FlagOption.test.option.long && !word.contains("=") {
                values[name] = ["true"]
            } else if valued.contains(name) {
                if let equals = word.firstIndex(of: "=") {
                    values[name] = [String(word[word.index(after: equals)...])]
                } else if index < words.endIndex {
                    values[name] = [words[index]]
                    index += 1
                }
            }
        }
        return values
    }
}
