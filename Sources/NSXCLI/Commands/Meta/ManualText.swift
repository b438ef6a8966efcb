import NSXCommandLine

/// What the manual and help say that the command tree does not hold: the files nsx keeps,
/// how to keep secrets safe, and what each permission allows.
enum ManualText {
    static let files: [ManPageEntry] = [
        ManPageEntry("~/.config/nsx/",
                     "The config folder, mode 0700: $NSX_CONFIG_DIR when set, else $XDG_CONFIG_HOME/nsx, else ~/.config/nsx."),
        ManPageEntry("~/.config/nsx/config.json",
                     "Settings (nsx config) and each profile's facts: API URL, user, token ID, name and prefix, environment, "
                         + "permissions, expiry. Mode 0600. It never holds a secret."),
        ManPageEntry("~/.config/nsx/config.lock",
                     "Held while config.json is read and replaced, so that runs at the same time never lose a change."),
        ManPageEntry("~/.config/nsx/credentials.json",
                     "Only for profiles logged in with --insecure-storage: their secrets, mode 0600, replaced whole under "
                         + "credentials.lock."),
        ManPageEntry("~/.cache/nsx/",
                     "Shell completion's answers (IDs and names, never a secret) for a minute, keyed by profile, API URL and "
                         + "environment; folder 0700, files 0600; $XDG_CACHE_HOME/nsx when that is set. Safe to delete."),
        ManPageEntry("Secret Service item, schema com.nurosentrix.nsx",
                     "Where each profile's secret lives (GNOME keyring or any Secret Service): one item per profile, found by "
                         + "the attributes profile and api_url."),
    ]

    static let security = """
        Secrets live in the Secret Service through libsecret, never in config.json. Where no Secret Service
        answers, login says so; only --insecure-storage keeps the secret in a 0600 file instead, with a warning.
        NSX_TOKEN is used as given and never stored.

        nsx never takes a secret as a command-line argument, which other users can read in ps(1) and /proc:
        passwords and tokens come from the terminal with echo off, or from standard input (--password-stdin,
        --with-token). Verbose traces (-v) and error messages redact credentials. A new token is printed once;
        piped, stdout carries the token alone.

        Never put a token in a script, a repository, a CI log or a command line, and never paste one into an
        issue or a chat. Give each token only what its job needs and an end: nsx tokens create --for "servers
        list" --expires 30d. Rotate tokens (nsx tokens rotate), look for stale and over-broad ones (nsx tokens
        audit), and check files and commits before they leave the machine (nsx tokens scan, and nsx tokens scan
        --staged as a pre-commit hook). Revoke a leaked token at once with nsx tokens revoke: revocation takes
        effect on the next request.

        TLS is always verified (--cacert adds a CA, it never turns checking off), plain http is refused except
        to loopback addresses, and redirects are not followed, so a credential is only ever sent to the API URL
        it was stored for.
        """

    static let permissions = PermissionDocs(
        descriptions: Permission.meanings,
        note: "An API token needs these; a session from nsx login holds every permission. "
            + "nsx tokens create --for \"{command}\" makes a token with exactly these.",
        none: "No API permission.")
}
