/// `nsx config path`: the config folder (NSX_CONFIG_DIR, else $XDG_CONFIG_HOME/nsx,
/// else ~/.config/nsx), whether or not it exists yet.
enum ConfigPath {
    static func run(_ invocation: Invocation) throws(CLIError) {
        invocation.streams.print(invocation.factory.configLocation.folder)
    }
}
