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

    let factory: Factory

    /// A client with the active credential. Without one: `notLoggedIn` (exit 3).
    func client(_ renewal: Renewal) throws(CLIError) -> APIClient {
        guard let credential = try credential() else { throw .notLoggedIn(profile: factory.globals.profile) }
        let client = try factory.apiClient(baseURL: try factory.apiURL(), credential: credential)
        if renewal == .renewIfDue {
            try SessionKeeper(factory: factory).renewIfDue(credential, client: client, now: factory.clock.now())
        }
        return client
    }

    /// NSX_TOKEN, else the active profile's stored secret; a live token under `--test` is a usage error.
    private func credential() throws(CLIError) -> Credential? {
        let credential = try CredentialResolver(factory: factory).resolve(now: factory.clock.now())
        if factory.globals.testEnvironment, let credential, credential.kind == .apiToken, credential.tokenEnvironment == .live {
            throw .usage("--test cannot be used with a live API token", hint: "Use a test token (nsx_test_…) or a session.")
        }
        return credential
    }
}
