import NSXCommandLine
import NSXOutput

/// `nsx config set KEY VALUE`: checks the value, then stores it in config.json under the
/// file lock (so concurrent runs never lose an update). An empty VALUE removes the setting.
enum ConfigSet {
    static let value: WordArgument = .word("VALUE")

    static func run(_ invocation: Invocation) throws(CLIError) {
        let key = try ConfigKey(word: invocation.parsed[ConfigKey.argument])
        let value = try key.validated(invocation.parsed[ConfigSet.value])
        do {
            try invocation.factory.config.update { document in key.store(value, in: &document) }
        } catch {
            throw .config(error)
        }
        invocation.factory.forgetCachedConfig()
        let style = invocation.streams.errStyle
        if let value {
            invocation.streams.warn("\(style.checkMark) Set \(key.rawValue) to \(value)")
        } else {
            invocation.streams.warn("\(style.checkMark) Removed \(key.rawValue); the default is \(key.defaultValue)")
        }
    }
}
