import NSXCommandLine
import NSXOutput

/// `nsx config set KEY VALUE`: checks the value, then stores it in config.json under the
/// file lock (so concurrent runs never lose an update). An empty VALUE removes the setting.
enum ConfigSet: Verb {
    static let value: WordArgument = .word("VALUE")

    static let spec = NSXCommand(
        "set", summary: "Change a setting", arguments: [ConfigKey.argument, value],
        examples: [Example("nsx config set output json"), Example("nsx config set api_url https://nsx.example.com")],
        action: runner)

    /// The key, and its value as it will be stored (nil removes the setting).
    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> (key: ConfigKey, value: String?) {
        let key = try ConfigKey(word: parsed[ConfigKey.argument])
        return (key, try key.validated(parsed[value]))
    }

    static func dependencies(_ invocation: Invocation) -> ConfigReader { ConfigReader(invocation) }

    static func run(_ words: (key: ConfigKey, value: String?), _ config: ConfigReader) throws(CLIError) {
        let (key, value) = words
        do {
            try config.store.update { document in key.store(value, in: &document) }
        } catch {
            throw .config(error)
        }
        let text = value.map { "Set \(key.rawValue) to \($0)" } ?? "Removed \(key.rawValue); the default is \(key.defaultValue)"
        config.streams.warn((StyledText.mark("✓", .green) + StyledText(" " + text)).rendered(config.streams.errStyle))
    }
}
