import NSXCommandLine

/// `tokens …`: scoped API tokens (Settings → API Keys).
enum TokensTree {
    static let group = NSXCommand(
        "tokens",
        summary: "Create, list, show, revoke and rotate API tokens",
        subcommands: [
            NSXCommand("list", aliases: ["ls"], summary: "List API tokens",
                       options: [
                        .value("env", .choice(["live", "test"]), valueName: "env", help: "Only tokens of this environment"),
                        .flag("include-revoked", help: "Include revoked tokens"),
                        SharedOptionSpecs.all, SharedOptionSpecs.limit,
                       ],
                       permissions: ["settings:read"]),
            NSXCommand("create", summary: "Create a scoped API token (shown once)",
                       discussion: """
                        Permissions: --perm takes one permission, a comma list, or wildcards
                        (servers:*, *:read); --read-only grants every :read permission; --for
                        "servers list" grants exactly what that nsx command needs. They combine.

                        The full token is printed once. Piped, stdout carries the token alone, so
                        TOKEN=$(nsx tokens create …) works; the note goes to stderr.
                        """,
                       usage: "--name N (--perm P… | --read-only | --for \"CMD\"…) [--test] [--expires 30d|12h|DATE|never] [--save [--save-profile NAME]]",
                       options: [
                        .value("name", .string, valueName: "name", help: "A descriptive name (1–100 characters)"),
                        .value("perm", .string, valueName: "permission", help: "Grant a permission, comma list or wildcard (repeatable)", repeatable: true),
                        .flag("read-only", help: "Grant every :read permission"),
                        .value("for", .string, valueName: "command", help: "Grant what this nsx command needs, e.g. \"servers list\" (repeatable)", repeatable: true),
                        .value("expires", .string, valueName: "when", help: "30d, 12h, a date (2027-01-31) or never", default: "never"),
                        .flag("save", help: "Store the token as a profile's credential instead of printing it"),
                        .value("save-profile", .string, valueName: "name", help: "The profile --save stores into (default: the token's name)"),
                       ],
                       examples: [
                        Example("TOKEN=$(nsx tokens create --name ci --perm servers:read)"),
                        Example("nsx tokens create --name deploy --for \"instances restart\" --expires 30d"),
                        Example("nsx tokens create --name ci --read-only --save --save-profile ci"),
                       ],
                       permissions: ["settings:write"]),
            NSXCommand("show", aliases: ["get"], summary: "Show one API token",
                       arguments: [Argument("ID|NAME", help: "Token ID (tok_…) or name")],
                       permissions: ["settings:read"]),
            NSXCommand("revoke", aliases: ["delete"], summary: "Revoke API tokens at once",
                       arguments: [Argument("ID|NAME", help: "Token IDs or names", repeatable: true)],
                       permissions: ["settings:read", "settings:write"]),
            NSXCommand("rotate", summary: "Replace a token with a new one and revoke the old",
                       arguments: [Argument("ID|NAME", help: "Token ID or name")],
                       permissions: ["settings:read", "settings:write"]),
        ]
    )
}
