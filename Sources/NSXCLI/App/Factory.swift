import NSXCommandLine
import NSXConfig
import NSXHTTP
import NSXKeyring
import NSXOutput
import NSXTime

/// Hands out what commands need, built lazily on first use (as gh's Factory does):
/// a command that needs no network never builds an HTTP client, and tests swap any piece
/// through `Dependencies`. Nothing here writes: the keyring and config.json change only
/// where a command says so (`LoginStore`, `SessionKeeper`, `config set`).
public final class Factory {
    public let streams: IOStreams
    public let environment: [String: String]
    public let globals: GlobalOptions
    public let configLocation: ConfigLocation
    let dependencies: Dependencies
    /// When set, everything this run reaches outside must be done by then (shell
    /// completion's budget): the keyring call is short, HTTP attempts end at the deadline,
    /// and nothing is retried.
    let deadline: ContinuousClock.Instant?

    private var cachedConfig: ConfigStore?
    private var cachedDocument: ConfigDocument?
    private var cachedKeyring: (any SecretStore)?
    private var cachedHTTP: RetryingClient?
    /// Whether `NSXApp` started the credential's keyring read ahead in a child process
    /// (`Dependencies.warmUp`): a client may then connect before it has the credential.
    var credentialReadsAhead = false

    public init(streams: IOStreams, environment: [String: String], globals: GlobalOptions,
                dependencies: Dependencies = .system, loadedConfig: ConfigDocument? = nil,
                deadline: ContinuousClock.Instant? = nil) {
        self.streams = streams
        self.environment = environment
        self.globals = globals
        self.configLocation = ConfigLocation.resolve(environment: environment)
        self.dependencies = dependencies
        self.deadline = deadline
        cachedDocument = loadedConfig
    }

    /// The one source of "now" for every command.
    public var clock: WallClock { dependencies.clock }

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

    /// After a command changed config.json: the next read sees the change.
    func forgetCachedConfig() { cachedDocument = nil }

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
        // Under a deadline the keyring gets a quarter second (plus its grace to wind down),
        // leaving the rest to the network.
        let store = dependencies.makeKeyring(deadline.map { min(.milliseconds(250), Self.left(until: $0)) } ?? .seconds(5))
        cachedKeyring = store
        return store
    }

    public var fileSecrets: any SecretStore { FileSecretStore(folder: configLocation.folder) }

    /// The store a profile's secret lives in (`storage` of its facts).
    public func secretStore(for storage: SecretStorage) -> any SecretStore {
        storage == .file ? fileSecrets : keyring
    }

    // MARK: HTTP and the API

    public func httpClient() throws(CLIError) -> RetryingClient {
        if let cachedHTTP { return cachedHTTP }
        if let path = globals.caBundle, let problem = CABundle.problem(path) {
            throw .usage("cannot use \(path) (\(globals.caBundleOrigin)) as a CA bundle: \(problem)",
                         hint: "Give a PEM file of CA certificates.")
        }
        var settings = TransportSettings()
        settings.timeout = .seconds(globals.timeoutSeconds)
        settings.caBundlePath = globals.caBundle
        settings.userAgent = "nsx/\(NSXVersion.current)"
        if globals.verbose {
            nonisolated(unsafe) let err = streams.err
            settings.trace = TextTrace { line in err.write(line) }
        }
        var policy = RetryPolicy.default
        if let deadline {
            let left = Self.left(until: deadline)
            settings.timeout = min(settings.timeout, left)
            settings.connectTimeout = min(settings.connectTimeout, left)
            settings.isCancelled = { CancellationFlag.isRaised || ContinuousClock.now >= deadline }
            policy.maxRetries = 0
        }
        let streams = streams
        let announce: (@Sendable (RetryNotice) -> Void)? = streams.stderrIsTerminal
            ? { @Sendable notice in streams.warn(streams.errStyle.yellow(RetryAnnouncement.line(notice))) }
            : nil
        do {
            let client = RetryingClient(transport: try dependencies.makeTransport(settings), policy: policy,
                                        sleeper: dependencies.sleeper, trace: settings.trace, clock: clock, announce: announce)
            cachedHTTP = client
            return client
        } catch {
            throw .transport(error)
        }
    }

    /// Time left until `deadline`, never below a millisecond (a zero timeout means none to libcurl).
    private static func left(until deadline: ContinuousClock.Instant) -> Duration {
        max(.milliseconds(1), deadline - ContinuousClock.now)
    }

    /// A client at `baseURL` acting with `credential` (none for the unauthenticated calls
    /// of `login` and `doctor`).
    func apiClient(baseURL: String, credential: Credential?, testEnvironment: Bool? = nil) throws(CLIError) -> APIClient {
        APIClient(baseURL: baseURL, http: try httpClient(), credential: credential,
                  testEnvironment: testEnvironment ?? globals.testEnvironment)
    }

    /// A client at `baseURL` whose credential is still being read.
    func apiClient(baseURL: String, deferred: DeferredCredential) throws(CLIError) -> APIClient {
        APIClient(baseURL: baseURL, http: try httpClient(), deferred: deferred, testEnvironment: globals.testEnvironment)
    }

    /// The API as the active profile. Reads the credential; writes nothing (renewing a
    /// session is `APIAccess.client(.renewIfDue)`).
    var api: APIAccess { APIAccess(factory: self) }

    // MARK: Output

    /// Where results go, laid out as -o, --fields, -q and --no-headers say.
    var printer: Printer {
        Printer(streams: streams, format: globals.output, fields: globals.fields, noHeaders: globals.noHeaders,
                quiet: globals.quiet, clock: clock, suggestions: globals.suggestions)
    }
}
