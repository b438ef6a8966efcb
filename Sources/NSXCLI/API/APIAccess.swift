import NSXConfig

/// How a command reaches the API as the active profile (cli/cli's `HttpClient func()`):
/// nothing is resolved until a client is asked for.
///
/// Asking reads the credential (NSX_TOKEN, else the keyring) and builds a client. The one
/// write a command may ask for with it — a stored session in its last hour renewed, the new
/// one stored in place of the old — happens only with `.renewIfDue`.
struct APIAccess {
    enum Renewal {
        /// Renew a stored session within its last hour (what every command that acts does).
        case renewIfDue
        /// Never write (error presentation, doctor).
        case never
    }

    /// When the credential is read, if its keyring read is running ahead (`LibraryWarmUp`).
    enum Reading {
        /// Before the client is handed out, so a failure is the caller's at once: what a
        /// command needs that looks at the credential, or acts on several items and reports
        /// each one's failure on its own.
        case now
        /// Once the first request is connected, so that connecting overlaps the read; a
        /// failure comes out of that request instead. For a command whose first act is that
        /// request, and that lets its failure end the command (`get`, `list`).
        case onceConnected
    }

    let factory: Factory

    /// A client with the active credential. Without one: `notLoggedIn` (exit 3).
    func client(_ renewal: Renewal, reading: Reading = .now) throws(CLIError) -> APIClient {
        if reading == .onceConnected, let deferred = deferredCredential() {
            return try factory.apiClient(baseURL: try factory.apiURL(), deferred: deferred)
        }
        guard let credential = try credential() else { throw .notLoggedIn(profile: factory.globals.profile) }
        let client = try factory.apiClient(baseURL: try factory.apiURL(), credential: credential)
        if renewal == .renewIfDue {
            try SessionKeeper(factory: factory).renewIfDue(credential, client: client, now: factory.clock.now())
        }
        return client
    }

    /// The credential to ask for only once connected, when its keyring read is running ahead
    /// (`Factory.credentialReadsAhead`) and nothing needs it before the first request: an API
    /// token (a session may need renewing first), no HTTP trace (it shows the headers before
    /// sending), and a request timeout well past the keyring's 5 s (the wait counts against
    /// it; shell completion's short budget never waits so). Reading it checks and fails
    /// exactly as `credential()` does.
    private func deferredCredential() -> DeferredCredential? {
        guard factory.credentialReadsAhead, !factory.globals.verbose, factory.deadline == nil,
              factory.globals.timeoutSeconds >= Self.shortestTimeoutToWaitIn,
              let facts = try? factory.profileFacts(), facts.credentialType == .apiToken else { return nil }
        let access = self
        return DeferredCredential { () throws(CLIError) in
            guard let credential = try access.credential() else { throw .notLoggedIn(profile: access.factory.globals.profile) }
            return credential
        }
    }

    /// Twice the keyring's deadline: a request timeout shorter than this reads first.
    static let shortestTimeoutToWaitIn = 10

    /// NSX_TOKEN, else the active profile's stored secret; a live token under `--test` is a usage error.
    private func credential() throws(CLIError) -> Credential? {
        let credential = try CredentialResolver(factory: factory).resolve(now: factory.clock.now())
        if factory.globals.testEnvironment, let credential, credential.kind == .apiToken, credential.tokenEnvironment == .live {
            throw .usage("--test cannot be used with a live API token", hint: "Use a test token (nsx_test_…) or a session.")
        }
        return credential
    }
}
