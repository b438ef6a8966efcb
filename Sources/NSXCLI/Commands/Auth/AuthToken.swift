import NSXCommandLine

/// `nsx auth token`: the active secret and a newline on stdout, for scripts
/// (`curl -H "Authorization: Bearer $(nsx auth token)"`). Like `gh auth token` it prints
/// even to a terminal: asking for it is the point. A session in its last hour is renewed
/// first, so a script never gets one about to lapse.
enum AuthToken: Verb {
    static let spec = NSXCommand("token", summary: "Print the active secret, for scripts",
                                 examples: [Example("curl -H \"Authorization: Bearer $(nsx auth token)\" …")],
                                 action: runner)

    static func run(_ words: Void, _ auth: AuthAccess) throws(CLIError) {
        guard let credential = try auth.api.client(.renewIfDue).credential else {
            throw .notLoggedIn(profile: auth.profile)
        }
        auth.streams.print(credential.secret)
    }
}
