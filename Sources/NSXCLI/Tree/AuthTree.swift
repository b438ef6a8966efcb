import NSXCommandLine

/// login, logout and `auth …`.
enum AuthTree {
    static let login = NSXCommand(
        "login",
        summary: "Log in and keep the credential in the GNOME keyring",
        discussion: """
            On a terminal nsx asks for your email and password (the password is never echoed).
            Scripts pass --email and the password on standard input with --password-stdin, or an
            API token on standard input with --with-token. No secret is ever taken as an argument.

            The secret is stored in the Secret Service (GNOME keyring); config.json keeps only
            non-secret facts. Where no Secret Service answers, login fails before anything is sent
            or written (exit 1); --insecure-storage keeps the secret in a 0600 file in the config
            folder instead. Logging in again replaces the profile's login (and ends its old session).
            """,
        options: [ValueOption.email, FlagOption.passwordStdin, FlagOption.withToken, FlagOption.insecureStorage],
        examples: [
            Example("nsx login", summary: "Log in interactively"),
            Example("echo \"$PASSWORD\" | nsx login --email me@example.com --password-stdin"),
            Example("echo \"$NSX_CI_TOKEN\" | nsx login --with-token --profile ci"),
        ],
        action: CommandRunner(Login.run)
    )

    static let logout = NSXCommand(
        "logout",
        summary: "End the session and remove the stored credential",
        discussion: """
            A session is ended on the server too (/auth/logout); an API token is only forgotten
            here (revoke it with nsx tokens revoke). Then the keyring item (or the line in the
            credentials file) and the profile's facts in config.json are removed. A profile that
            is not logged in is exit 3; --all with no stored logins does nothing and succeeds.
            """,
        options: [FlagOption.allProfiles],
        examples: [Example("nsx logout"), Example("nsx logout --all")],
        action: CommandRunner(Logout.run)
    )

    static let auth = NSXCommand(
        "auth",
        summary: "See and manage the credential nsx uses",
        subcommands: [
            NSXCommand("status", summary: "Show who you are logged in as, and how",
                       discussion: """
                        Checks the credential with the server (GET /api/v1/me). Exit 3 when there is
                        no credential or the server rejects it; with --json the object, with
                        "authenticated": false, is printed all the same.
                        """,
                       examples: [Example("nsx auth status"), Example("nsx auth status --json | jq .permissions")],
                       action: CommandRunner(AuthStatus.run)),
            NSXCommand("token", summary: "Print the active secret, for scripts",
                       examples: [Example("curl -H \"Authorization: Bearer $(nsx auth token)\" …")],
                       action: CommandRunner(AuthToken.run)),
            NSXCommand("refresh", summary: "Renew the session now",
                       discussion: """
                        Sessions last 24 hours and are renewed automatically in their last hour.
                        API tokens are not renewed; replace one with nsx tokens rotate.
                        """,
                       action: CommandRunner(AuthRefresh.run)),
            NSXCommand("list", aliases: ["ls"], summary: "List every stored profile; * marks the active one",
                       action: CommandRunner(AuthList.run)),
        ]
    )
}
