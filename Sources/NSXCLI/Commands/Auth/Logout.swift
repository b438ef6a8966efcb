import NSXCommandLine
import NSXConfig
import NSXOutput

/// `nsx logout [--all]`: ends a session on the server (`POST /auth/logout`), then removes
/// the profile's secret and facts. An API token is only forgotten locally: revoking it is
/// `nsx tokens revoke`. A profile that is not logged in is exit 3; `--all` with nothing
/// stored has nothing to do and succeeds.
enum Logout: Verb {
    static let spec = NSXCommand(
        "logout",
        summary: "End the session and remove the stored credential",
        discussion: """
            A session is ended on the server too (/auth/logout); an API token is only forgotten
            here (revoke it with nsx tokens revoke). Then the keyring item (or the line in the
            credentials file) and the profile's facts in config.json are removed. A profile that
            is not logged in is exit 3; --all with no stored logins does nothing and succeeds.
            """,
        options: [.allProfiles],
        examples: [Example("nsx logout"), Example("nsx logout --all")],
        action: runner)

    /// Whether `--all` was given.
    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Bool { parsed[.allProfiles] }

    static func run(_ all: Bool, _ auth: AuthAccess) throws(CLIError) {
        let streams = auth.streams
        let stored = try auth.storedProfiles()
        let targets: [(String, ProfileFacts)]
        if all {
            targets = stored.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            if targets.isEmpty {
                streams.warn("No stored logins; nothing to log out of.")
                return
            }
        } else {
            guard let facts = stored[auth.profile] else {
                throw .notLoggedIn(profile: auth.profile)
            }
            targets = [(auth.profile, facts)]
        }
        for (profile, facts) in targets {
            try logOut(profile: profile, facts: facts, auth: auth)
        }
        if auth.environmentToken {
            streams.warn("note: NSX_TOKEN is set and stays in effect; nsx never stores it")
        }
    }

    static func logOut(profile: String, facts: ProfileFacts, auth: AuthAccess) throws(CLIError) {
        let logins = auth.logins
        let streams = auth.streams
        if facts.credentialType == .session, let secret = try logins.secret(profile: profile, facts: facts) {
            endSession(secret, facts: facts, auth: auth)
        }
        try logins.remove(profile: profile, facts: facts)
        let suffix = profile == "default" ? "" : " (profile \(profile))"
        streams.warn((StyledText.mark("✓", .green) + StyledText(" Logged out of \(facts.apiURL)\(suffix)")).rendered(streams.errStyle))
        if facts.credentialType == .apiToken {
            let name = facts.tokenName.map { " \(terminalSafe($0))" } ?? ""
            streams.warn("  The API token\(name) was forgotten here but still works; revoke it with `\(auth.printer.suggestions.nsx("tokens revoke \(facts.tokenID ?? "ID")"))`.")
        }
    }

    /// Asks the server to end the session. The local copy goes whatever the answer: a server
    /// without the route, or one out of reach, only earns a warning.
    static func endSession(_ secret: String, facts: ProfileFacts, auth: AuthAccess) {
        let until = facts.expiresAt.map { " until \($0)" } ?? " until it expires"
        do {
            let credential = Credential(secret: secret, kind: .session, source: .keyring, facts: facts)
            _ = try auth.client(baseURL: facts.apiURL, credential: credential, testEnvironment: false).post("/auth/logout")
        } catch {
            switch error {
            case .unsupported:
                auth.printer.warn("this server does not support /auth/logout; the session stays valid on the server\(until)")
            case .api(let api) where api.status == 401:
                break  // already ended or expired: nothing left to end
            default:
                let reason = ErrorPresenter.present(error).message
                auth.printer.warn("could not end the session on the server (\(reason)); it stays valid there\(until)")
            }
        }
    }
}

extension OptionKey where Self == FlagOption {
    static var allProfiles: Self { .flag("all", help: "Log out of every profile") }
}
