/// `nsx auth token`: the active secret and a newline on stdout, for scripts
/// (`curl -H "Authorization: Bearer $(nsx auth token)"`). Like `gh auth token` it prints
/// even to a terminal: asking for it is the point. A session in its last hour is renewed
/// first, so a script never gets one about to lapse.
enum AuthToken {
    static func run(_ invocation: Invocation) throws(CLIError) {
        guard let credential = try invocation.api.client(.renewIfDue).credential else {
            throw .notLoggedIn(profile: invocation.globals.profile)
        }
        invocation.streams.print(credential.secret)
    }
}
