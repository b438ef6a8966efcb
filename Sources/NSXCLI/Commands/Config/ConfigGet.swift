import NSXCommandLine

/// `nsx config get KEY`: the value alone on stdout (the default when unset), so
/// `$(nsx config get output)` works.
enum ConfigGet: Verb {
    static let spec = NSXCommand("get", summary: "Show one setting", arguments: [ConfigKey.argument],
                                 examples: [Example("nsx config get api_url")], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> ConfigKey {
        try ConfigKey(word: parsed[ConfigKey.argument])
    }

    static func dependencies(_ invocation: Invocation) -> ConfigReader { ConfigReader(invocation) }

    static func run(_ key: ConfigKey, _ config: ConfigReader) throws(CLIError) {
        config.streams.print(key.stored(in: try config.document()) ?? key.defaultValue)
    }
}
