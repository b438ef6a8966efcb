/// `nsx config get KEY`: the value alone on stdout (the default when unset), so
/// `$(nsx config get output)` works.
enum ConfigGet {
    static func run(_ invocation: Invocation) throws(CLIError) {
        let key = try ConfigKey(word: invocation.parsed[ConfigKey.argument])
        let document = try invocation.factory.configDocument()
        invocation.streams.print(key.stored(in: document) ?? key.defaultValue)
    }
}
