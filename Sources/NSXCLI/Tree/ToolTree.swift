import NSXCommandLine

/// config, completion, doctor, help, version, and the hidden man page generator.
enum ToolTree {
    static let configKeys = ["api_url", "output", "color", "profile"]

    static let config = NSXCommand(
        "config",
        summary: "See and change nsx settings",
        discussion: """
            Keys: api_url (default API URL), output (table, json, ndjson, csv, yaml),
            color (auto or never), profile (the default profile).
            """,
        subcommands: [
            NSXCommand("list", aliases: ["ls"], summary: "Show every setting"),
            NSXCommand("get", summary: "Show one setting", arguments: [Argument("KEY", choices: configKeys)]),
            NSXCommand("set", summary: "Change a setting",
                       arguments: [Argument("KEY", choices: configKeys), Argument("VALUE")],
                       examples: [Example("nsx config set output json")]),
            NSXCommand("path", summary: "Print where the config folder is"),
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
        arguments: [Argument("SHELL", choices: ["bash", "zsh", "fish"])]
    )

    static let doctor = NSXCommand(
        "doctor",
        summary: "Check the config folder, keyring, credential and API, with fixes",
        examples: [Example("nsx doctor")]
    )

    static let help = NSXCommand(
        "help",
        summary: "Show help for a command, the exit codes, or the environment",
        arguments: [Argument("TOPIC", help: "A command path, exit-codes or environment", optional: true, repeatable: true)],
        examples: [Example("nsx help servers create"), Example("nsx help exit-codes")]
    )

    static let version = NSXCommand("version", summary: "Print the nsx version")

    static let manPage = NSXCommand("man", summary: "Print the nsx(1) man page in roff", hidden: true)
}
