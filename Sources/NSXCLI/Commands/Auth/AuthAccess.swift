import NSXConfig
import NSXKeyring
import NSXTime

/// What the auth commands are handed (their narrow options): the active profile, its stored
/// login, the credential in use, and clients for the API — with or without a credential, since
/// `login` and `logout` talk to it on their own terms. Reading happens here; writing happens
/// in `LoginStore` and `SessionKeeper`, which the commands call by name.
struct AuthAccess {
    private let factory: Factory

    init(_ invocation: Invocation) {
        factory = invocation.factory
    }

    var profile: String { factory.globals.profile }
    var testEnvironment: Bool { factory.globals.testEnvironment }
    var printer: Printer { factory.printer }
    var streams: IOStreams { factory.streams }
    var clock: WallClock { factory.clock }
    var api: APIAccess { factory.api }
    var logins: LoginStore { LoginStore(factory: factory) }
    var sessions: SessionKeeper { SessionKeeper(factory: factory) }
    /// Where `--insecure-storage` keeps secrets.
    var credentialsFile: String { FileSecretStore(folder: factory.configLocation.folder).file }
    /// NSX_TOKEN is set: it beats any stored login.
    var environmentToken: Bool { factory.environment[EnvironmentVariable.token.rawValue]?.isEmpty == false }

    func apiURL() throws(CLIError) -> String { try factory.apiURL() }

    /// Every stored login, by profile name.
    func storedProfiles() throws(CLIError) -> [String: ProfileFacts] { try factory.configDocument().profiles }

    /// NSX_TOKEN, else the active profile's stored secret.
    func credential() throws(CLIError) -> Credential? {
        try CredentialResolver(factory: factory).resolve(now: clock.now())
    }

    /// A client at `baseURL` with exactly `credential` (none for login).
    func client(baseURL: String, credential: Credential?, testEnvironment: Bool? = nil) throws(CLIError) -> APIClient {
        try factory.apiClient(baseURL: baseURL, credential: credential, testEnvironment: testEnvironment)
    }
}
