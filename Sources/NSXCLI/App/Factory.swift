import NSXConfig
import NSXHTTP
import NSXKeyring
import NSXOutput
import NSXTime

/// Hands out what commands need, built lazily on first use (STYLE.md: gh's Factory):
/// a command that needs no network never builds an HTTP client, and tests swap any piece.
public final class Factory {
    public let streams: IOStreams
    public let environment: [String: String]
    public var globals: GlobalOptions
    public let configLocation: ConfigLocation
    /// The one source of "now" for every command.
    public let clock: WallClock

    /// Seams for tests: where secrets go and how bytes travel.
    var makeKeyring: () -> any SecretStore
    var makeTransport: (TransportSettings) throws(TransportError) -> any HTTPTransport

    private var cachedConfig: ConfigStore?
    private var cachedDocument: ConfigDocument?
    private var cachedKeyring: (any SecretStore)?
    private var cachedHTTP: RetryingClient?

    public init(streams: IOStreams, environment: [String: String], globals: GlobalOptions,
                makeKeyring: @escaping () -> any SecretStore = { KeyringStore() },
                makeTransport: @escaping (TransportSettings) throws(TransportError) -> any HTTPTransport = { settings throws(TransportError) in try CurlTransport(settings: settings) },
                clock: WallClock = .system) {
        self.streams = streams
        self.environment = environment
        self.globals = globals
        self.configLocation = ConfigLocation.resolve(environment: environment)
        self.makeKeyring = makeKeyring
        self.makeTransport = makeTransport
        self.clock = clock
    }

    // MARK: Config

    public var config: ConfigStore {
        if let cachedConfig { return cachedConfig }
        let store = ConfigStore(location: configLocation)
        cachedConfig = store
        return store
    }

    /// The config document as read once for this run (commands that change it use `config.update`).
    public func configDocument() throws(CLIError) -> ConfigDocument {
        if let cachedDocument { return cachedDocument }
        do {
            let document = try config.load()
            cachedDocument = document
            return document
        } catch {
            throw .config(error)
        }
    }

    func forgetCachedConfig() { cachedDocument = nil }

    /// The document NSXApp already read for the global options.
    func adoptLoadedConfig(_ document: ConfigDocument) { cachedDocument = document }

    /// The stored facts of the active profile, if it has logged in.
    public func profileFacts() throws(CLIError) -> ProfileFacts? {
        try configDocument().profiles[globals.profile]
    }

    /// Flag > environment > the profile's own URL > `config set api_url` > the default.
    public func apiURL() throws(CLIError) -> String {
        if let explicit = globals.explicitAPIURL { return explicit }
        if let stored = try profileFacts()?.apiURL { return stored }
        if let setting = try configDocument().settings["api_url"] { return setting }
        return GlobalOptions.defaultAPIURL
    }

    // MARK: Secrets

    public var keyring: any SecretStore {
        if let cachedKeyring { return cachedKeyring }
        let store = makeKeyring()
        cachedKeyring = store
        return store
    }

    public var fileSecrets: any SecretStore { FileSecretStore(folder: configLocation.folder) }

    /// The store a profile's secret lives in (`storage` of its facts).
    public func secretStore(for storage: SecretStorage) -> any SecretStore {
        storage == .file ? fileSecrets : keyring
    }

    // MARK: HTTP

    public func httpClient() throws(CLIError) -> RetryingClient {
        if let cachedHTTP { return cachedHTTP }
        var settings = TransportSettings()
        settings.timeout = .milliseconds(Int(globals.timeoutSeconds * 1000))
        settings.caBundlePath = globals.caBundle
        settings.userAgent = "nsx/\(NSXVersion.current)"
        if globals.verbose {
            nonisolated(unsafe) let err = streams.err
            settings.trace = TextTrace { line in err.write(line) }
        }
        do {
            let client = RetryingClient(transport: try makeTransport(settings), trace: settings.trace, clock: clock)
            cachedHTTP = client
            return client
        } catch {
            throw .transport(error)
        }
    }

    /// An API client for the active profile. With `requireCredential`, no credential is exit 3.
    public func api(requireCredential: Bool = true) throws(CLIError) -> APIClient {
        let credential = try CredentialResolver(factory: self).resolve(now: clock.now())
        if requireCredential && credential == nil { throw .notLoggedIn(profile: globals.profile) }
        if globals.testEnvironment, let credential, credential.kind == .apiToken, credential.tokenEnvironment == .live {
            throw .usage("--test cannot be used with a live API token", hint: "Use a test token (nsx_test_…) or a session.")
        }
        let client = APIClient(baseURL: try apiURL(), http: try httpClient(), credential: credential,
                               testEnvironment: globals.testEnvironment)
        if let credential, requireCredential {
            try SessionKeeper(factory: self).renewIfDue(credential, client: client, now: clock.now())
        }
        return client
    }

    /// Options for the one renderer, from the global flags and the streams.
    public func outputOptions() -> OutputOptions {
        var options = OutputOptions()
        options.format = globals.output
        options.fields = globals.fields
        options.noHeaders = globals.noHeaders
        options.quiet = globals.quiet
        options.terminal = streams.stdoutIsTerminal
        options.colour = globals.colour && streams.stdoutIsTerminal
        options.width = streams.stdoutIsTerminal ? streams.terminalWidth : Int.max
        options.now = clock.now()
        return options
    }
}
