import NSXCommandLine

/// `tokens …`: scoped API tokens (Settings → API Keys).
enum TokensTree {
    static let group = NSXCommand(
        "tokens",
        summary: "Create, list, show, revoke and rotate API tokens",
        subcommands: [
            NSXCommand("list", aliases: ["ls"], summary: "List API tokens",
                       discussion: """
                        Permissions are shown compactly (servers:rw instances:r+actions; the JSON
                        has the full list). On a terminal, * marks the token nsx is using. Under
                        --test only test tokens are listed, unless --env says otherwise.
                        """,
                       options: [
                        .value("env", .choice(["live", "test"]), valueName: "env", help: "Only tokens of this environment"),
                        .flag("include-revoked", help: "Include revoked tokens"),
                        SharedOptionSpecs.all, SharedOptionSpecs.limit,
                       ],
                       examples: [Example("nsx tokens list"), Example("nsx tokens list --env test --include-revoked -o json")],
                       permissions: ["settings:read"],
                       action: CommandRunner(ListTokens.run)),
            NSXCommand("create", summary: "Create a scoped API token (shown once)",
                       discussion: """
                        Permissions: --perm takes one permission, a comma list, or wildcards
                        (servers:*, *:read); --read-only grants every :read permission; --for
                        "servers list" grants exactly what that nsx command needs, and a group
                        (--for servers) what all its commands need. They combine; the set is shown
                        before the token is made.

                        --test makes a test token (nsx_test_…); with a test token nsx makes test
                        tokens anyway. --expires takes a duration from now (30d, 12h), a date
                        (2027-01-31: valid through that day, until 23:59:59 UTC), an RFC 3339 time,
                        or never (the default).

                        The full token is printed once. Piped (or with -q), stdout carries the token
                        alone, so TOKEN=$(nsx tokens create …) works; the note goes to stderr. With
                        -o json the token object includes "token".

                        --save stores the token as a profile's credential instead of printing it: by
                        default the profile named like the token. Replacing the profile in use, or
                        one that already holds a credential, needs --save-profile NAME explicitly.
                        """,
                       usage: "--name N (--perm P… | --read-only | --for \"CMD\"…) [--test] [--expires 30d|12h|DATE|never] [--save [--save-profile NAME]]",
                       options: [
                        .value("name", .string, valueName: "name", help: "A descriptive name (1–100 characters)"),
                        .value("perm", .string, valueName: "permission", help: "Grant a permission, comma list or wildcard (repeatable)", repeatable: true),
                        .flag("read-only", help: "Grant every :read permission"),
                        .value("for", .string, valueName: "command", help: "Grant what this nsx command needs, e.g. \"servers list\" (repeatable)", repeatable: true),
                        .value("expires", .string, valueName: "when", help: "30d, 12h, a date (2027-01-31), an RFC 3339 time, or never", default: "never"),
                        .flag("save", help: "Store the token as a profile's credential instead of printing it"),
                        .value("save-profile", .string, valueName: "name", help: "The profile --save stores into (implies --save; default: the token's name)"),
                       ],
                       examples: [
                        Example("TOKEN=$(nsx tokens create --name ci --perm servers:read)"),
                        Example("nsx tokens create --name deploy --for \"instances restart\" --expires 30d"),
                        Example("nsx tokens create --name ci --read-only --save --save-profile ci"),
                       ],
                       permissions: ["settings:write"],
                       action: CommandRunner(CreateToken.run)),
            NSXCommand("show", aliases: ["get"], summary: "Show one API token",
                       discussion: "A name matches active (not revoked) tokens; an ID finds any.",
                       arguments: [Argument("ID|NAME", help: "Token ID (tok_…) or name")],
                       permissions: ["settings:read"],
                       action: CommandRunner(ShowToken.run)),
            NSXCommand("revoke", aliases: ["delete"], summary: "Revoke API tokens at once",
                       discussion: """
                        Asks first on a terminal, showing each token's name and prefix; without a
                        terminal --yes is required. Revoking the credential nsx itself uses removes
                        it from the keyring and its profile.
                        """,
                       arguments: [Argument("ID|NAME", help: "Token IDs or names", repeatable: true)],
                       examples: [Example("nsx tokens revoke ci --yes")],
                       permissions: ["settings:read", "settings:write"],
                       action: CommandRunner(RevokeTokens.run)),
            NSXCommand("rotate", summary: "Replace a token with a new one and revoke the old",
                       discussion: """
                        The new token has the same name, permissions and environment, and lasts as
                        long from now as the old one did from its creation (never beyond the
                        credential doing the rotation). A profile storing the old token gets the new
                        one first; then the old one is revoked. Asks first on a terminal; without a
                        terminal --yes is required.
                        """,
                       arguments: [Argument("ID|NAME", help: "Token ID or name")],
                       examples: [Example("nsx tokens rotate ci --yes")],
                       permissions: ["settings:read", "settings:write"],
                       action: CommandRunner(RotateToken.run)),
        ]
    )
}
