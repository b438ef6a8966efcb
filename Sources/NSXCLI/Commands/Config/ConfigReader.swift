import NSXConfig

/// What the config commands read and change: config.json, as read once for this run, and
/// the store that writes it under its lock.
struct ConfigReader {
    let document: () throws(CLIError) -> ConfigDocument
    let store: ConfigStore
    let streams: IOStreams

    init(_ invocation: Invocation) {
        document = invocation.factory.configDocument
        store = invocation.factory.config
        streams = invocation.streams
    }
}
