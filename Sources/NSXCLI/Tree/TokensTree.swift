import NSXCommandLine

/// `tokens …`: scoped API tokens (Settings → API Keys).
enum TokensTree {
    static let group = NSXCommand(
        "tokens",
        summary: "Create, list, show, revoke, rotate, audit and scan for API tokens",
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
            NSXCommand("audit", summary: "Find stale, unused, immortal and over-broad tokens",
                       discussion: """
                        Checks every active token (all pages) against these rules. Each finding
                        names the command that fixes it:

                          high    never used, and older than a day      revoke it
                          high    not used for longer than --unused-for  revoke it
                          high    holds every permission                recreate it with --for
                          medium  holds every write permission          recreate it with --for
                          medium  older than --max-age                  rotate it
                          low     never expires                         recreate it with --expires

                        Which permissions a token really uses is not knowable from the API: in a
                        --for fix, replace COMMAND with the nsx commands the token runs. A token
                        that is a stored profile's credential is marked in PROFILE; fixing it
                        changes that profile. Replacements expire after --max-age.

                        The table is sorted by severity; -o json, ndjson, csv and yaml give one
                        object per finding. With --fail, any finding exits 10, for CI.
                        """,
                       options: [
                        .value("env", .choice(["live", "test"]), valueName: "env", help: "Only tokens of this environment"),
                        .value("unused-for", .duration, valueName: "duration", help: "A token unused this long should be revoked", default: "30d"),
                        .value("max-age", .duration, valueName: "duration", help: "A token older than this should be rotated", default: "90d"),
                        .flag("fail", help: "Exit 10 when anything is found"),
                       ],
                       examples: [
                        Example("nsx tokens audit"),
                        Example("nsx tokens audit --max-age 30d --fail -o json"),
                       ],
                       permissions: ["settings:read"],
                       action: CommandRunner(AuditTokens.run)),
            NSXCommand("scan", summary: "Find API tokens in files, and whose they are",
                       discussion: """
                        Looks for nsx_live_/nsx_test_ tokens in files and directory trees (default:
                        the current directory; - reads standard input). The walk skips .git, honours
                        .gitignore inside a git work tree (as git does: tracked and unignored files),
                        skips binary files (a NUL byte in the first 8 KiB), and never follows
                        symbolic links; a file or link named as PATH is scanned as it is.

                        --staged scans what `git commit` would add now: the added lines of
                        `git diff --cached`, with their line numbers in the staged file. As a
                        pre-commit hook (a line in .git/hooks/pre-commit):

                          nsx tokens scan --staged || exit 1

                        Each hit shows file, line, column (in bytes) and the token's public prefix,
                        never the secret. With a credential, hits are matched to your tokens by
                        prefix and environment ("probably yours"); the secret found is never sent
                        anywhere. --revoke revokes the matched active tokens after a question that
                        names them (without a terminal, --yes is required).

                        Exits 0 when nothing is found, 10 when something is (a revocation that
                        fails exits with its own code). -o json lists the hits.
                        """,
                       options: [
                        .flag("staged", help: "Scan what `git commit` would add (git diff --cached)"),
                        .flag("revoke", help: "Revoke the matched active tokens (asks first; --yes for scripts)"),
                        .flag("binary", help: "Scan binary files too"),
                        .flag("no-ignore", help: "Scan files .gitignore excludes too"),
                       ],
                       arguments: [Argument("PATH", help: "Files or directories to scan (default: .; - is standard input)",
                                            optional: true, repeatable: true)],
                       examples: [
                        Example("nsx tokens scan"),
                        Example("nsx tokens scan --staged"),
                        Example("nsx tokens scan ~/src deploy.env -o json"),
                        Example("nsx tokens scan . --revoke"),
                       ],
                       permissions: ["settings:read"],
                       action: CommandRunner(ScanTokens.run)),
        ]
    )
}
