import NSXCommandLine

/// config, completion, doctor, help, version, and the hidden man page generator.
enum ToolTree {
    static let config = NSXCommand(
        "config",
        summary: "See and change nsx settings",
        discussion: """
            Keys: api_url (default API URL), output (table, json, ndjson, csv, yaml),
            color (auto or never), profile (the default profile). A flag or environment variable
            beats the setting. An empty VALUE removes the setting, back to its default.
            """,
        subcommands: [
            NSXCommand("list", aliases: ["ls"], summary: "Show every setting",
                       action: CommandRunner(ConfigList.run)),
            NSXCommand("get", summary: "Show one setting", arguments: [ConfigKey.argument],
                       examples: [Example("nsx config get api_url")],
                       action: CommandRunner(ConfigGet.run)),
            NSXCommand("set", summary: "Change a setting",
                       arguments: [ConfigKey.argument, ConfigSet.value],
                       examples: [Example("nsx config set output json"), Example("nsx config set api_url https://nsx.example.com")],
                       action: CommandRunner(ConfigSet.run)),
            NSXCommand("path", summary: "Print where the config folder is",
                       action: CommandRunner(ConfigPath.run)),
        ]
    )

    static let completion = NSXCommand(
        "completion",
        summary: "Print a shell completion script",
        discussion: """
            bash: source <(nsx completion bash)
            zsh:  nsx completion zsh > "${fpath[1]}/_nsx"
            fish: nsx completion fish > ~/.config/fish/completions/nsx.fish
            """,
        arguments: [CompletionCommand.shell],
        action: CommandRunner(CompletionCommand.run)
    )

    static let doctor = NSXCommand(
        "doctor",
        summary: "Check the config folder, keyring, credential and API, with fixes",
        discussion: """
            Checks, in order: the config folder and its file modes, the Secret Service (reachable
            and unlocked), the credential (stored or NSX_TOKEN), the API (and its latency), this
            machine's clock against the server's, and whether the credential is valid and when it
            expires. Each line is ✓ or ✗ with the fix. Nothing is changed. Exit 0 when every
            check passes, else 1.
            """,
        examples: [Example("nsx doctor"), Example("nsx doctor -o json | jq '.[] | select(.status == \"failed\")'")],
        action: CommandRunner(Doctor.run)
    )

    static let help = NSXCommand(
        "help",
        summary: "Show help for a command, the exit codes, or the environment",
        arguments: [HelpCommand.topic],
        examples: [Example("nsx help servers create"), Example("nsx help exit-codes")],
        action: CommandRunner(HelpCommand.run)
    )

    static let version = NSXCommand("version", summary: "Print the nsx version", action: CommandRunner(VersionCommand.run))

    static let manPage = NSXCommand("man", summary: "Print the nsx(1) man page in roff", hidden: true,
                                    action: CommandRunner(ManCommand.run))
}
