import NSXCommandLine

/// `nsx config path`: the config folder (NSX_CONFIG_DIR, else $XDG_CONFIG_HOME/nsx,
/// else ~/.config/nsx), whether or not it exists yet.
enum ConfigPath: Verb {
    static let spec = NSXCommand("path", summary: "Print where the config folder is", action: runner)

    static func dependencies(_ invocation: Invocation) -> (folder: String, streams: IOStreams) {
        (invocation.factory.configLocation.folder, invocation.streams)
    }

    static func run(_ words: Void, _ dependencies: (folder: String, streams: IOStreams)) throws(CLIError) {
        dependencies.streams.print(dependencies.folder)
    }
}
