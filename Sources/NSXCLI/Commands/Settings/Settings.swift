import NSXCommandLine

/// `nsx settings …`: the account's settings.
enum Settings {
    static let spec = NSXCommand(
        "settings",
        summary: "See and change account settings",
        subcommands: [SettingsGet.spec, SettingsSet.spec]
    )
}
