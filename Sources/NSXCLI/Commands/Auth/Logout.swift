import NSXCommandLine
import NSXConfig
import NSXOutput

/// `nsx logout [--all]`: ends a session on the server (`POST /auth/logout`), then removes
/// the profile's secret and facts. An API token is only forgotten locally: revoking it is
/// `nsx tokens revoke`. A profile that is not logged in is exit 3; `--all` with nothing
/// stored has nothing to do and succeeds.
enum Logout {
    struct Options: Equatable {
        var all: Bool

        init(_ parsed: ParsedCommand<CommandRunner>) {
            all = parsed[.allProfiles]
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        try run(Options(invocation.parsed), invocation)
    }

    static func run(_ options: Options, _ invocation: Invocation) throws(CLIError) {
        let factory = invocation.factory
        let streams = invocation.streams
        let stored = try factory.configDocument().profiles
        let targets: [(String, ProfileFacts)]
        if options.all {
            targets = stored.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            if targets.isEmpty {
                streams.warn("No stored logins; nothing to log out of.")
                return
            }
        } else {
            guard let facts = stored[factory.globals.profile] else {
                throw .notLoggedIn(profile: factory.globals.profile)
            }
            targets = [(factory.globals.profile, facts)]
        }
        let style = streams.errStyle
        for (profile, facts) in targets {
            try logOut(profile: profile, facts: facts, factory: factory, style: style)
        }
        if factory.environment[EnvironmentVariable.token.rawValue]?.isEmpty == false {
            streams.warn("note: NSX_TOKEN is set and stays in effect; nsx never stores it")
        }
    }

    static func logOut(profile: String, facts: ProfileFacts, factory: Factory, style: Style) throws(CLIError) {
        let logins = LoginStore(factory: factory)
        let streams = factory.streams
        if facts.credentialType == .session, let secret = try logins.secret(profile: profile, facts: facts) {
            endSession(secret, profile: profile, facts: facts, factory: factory, style: style)
        }
        try logins.remove(profile: profile, facts: facts)
        let suffix = profile == "default" ? "" : " (profile \(profile))"
        streams.warn("\(style.checkMark) Logged out of \(facts.apiURL)\(suffix)")
        if facts.credentialType == .apiToken {
            let name = facts.tokenName.map { " \(terminalSafe($0))" } ?? ""
            streams.warn("  The API token\(name) was forgotten here but still works; revoke it with `nsx tokens revoke \(facts.tokenID ?? "ID")`.")
        }
    }

    /// Asks the server to end the session. The local copy goes whatever the answer: a server
    /// without the route, or one out of reach, only earns a warning.
    static func endSession(_ secret: String, profile: String, facts: ProfileFacts, factory: Factory, style: Style) {
        let streams = factory.streams
        let warning = style.yellow("warning:")
        let until = facts.expiresAt.map { " until \($0)" } ?? " until it expires"
        let client: APIClient
        do {
            client = APIClient(baseURL: facts.apiURL, http: try factory.httpClient(),
                               credential: Credential(secret: secret, kind: .session, source: .keyring, facts: facts),
                               testEnvironment: false)
            _ = try client.post("/auth/logout")
        } catch {
            switch error {
            case .api(let api) where api.status == 404:
                streams.warn("\(warning) this server does not support /auth/logout; the session stays valid on the server\(until)")
            case .api(let api) where api.status == 401:
                break  // already ended or expired: nothing left to end
            default:
                let reason = ErrorPresenter.present(error).message
                streams.warn("\(warning) could not end the session on the server (\(reason)); it stays valid there\(until)")
            }
        }
    }
}

extension OptionKey where Self == FlagOption {
    static var allProfiles: Self { .flag("all", help: "Log out of every profile") }
}
