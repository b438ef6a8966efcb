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
                       options: [ValueOption.tokenEnvironment, FlagOption.includeRevoked, FlagOption.allPages, IntegerOption.limit],
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
                       options: [ValueOption.tokenName, ListOption.permission, FlagOption.readOnly, ListOption.forCommand,
                                 ValueOption.expires, FlagOption.save, ValueOption.saveProfile],
                       examples: [
                        Example("TOKEN=$(nsx tokens create --name ci --perm servers:read)"),
                        Example("nsx tokens create --name deploy --for \"instances restart\" --expires 30d"),
                        Example("nsx tokens create --name ci --read-only --save --save-profile ci"),
                       ],
                       permissions: ["settings:write"],
                       action: CommandRunner(CreateToken.run)),
            NSXCommand("show", aliases: ["get"], summary: "Show one API token",
                       discussion: "A name matches active (not revoked) tokens; an ID finds any.",
                       arguments: [ResourceGet(view: .token).target],
                       permissions: ["settings:read"],
                       action: CommandRunner(ShowToken.run)),
            NSXCommand("revoke", aliases: ["delete"], summary: "Revoke API tokens at once",
                       discussion: """
                        Asks first on a terminal, showing each token's name and prefix; without a
                        terminal --yes is required. Revoking the credential nsx itself uses removes
                        it from the keyring and its profile.
                        """,
                       arguments: [ResourceDelete(view: .token).targets],
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
                       arguments: [RotateToken.target],
                       examples: [Example("nsx tokens rotate ci --yes")],
                       permissions: ["settings:read", "settings:write"],
                       action: CommandRunner(RotateToken.run)),
        ]
    )
}
