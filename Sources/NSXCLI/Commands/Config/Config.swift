import NSXCommandLine

/// `nsx config …`: nsx's own settings in config.json.
enum Config {
    static let spec = NSXCommand(
        "config",
        summary: "See and change nsx settings",
        discussion: """
            Keys: api_url (default API URL), output (table, json, ndjson, csv, yaml),
            color (auto or never), profile (the default profile). A flag or environment variable
            beats the setting. An empty VALUE removes the setting, back to its default.
            """,
        subcommands: [ConfigList.spec, ConfigGet.spec, ConfigSet.spec, ConfigPath.spec]
    )
}
