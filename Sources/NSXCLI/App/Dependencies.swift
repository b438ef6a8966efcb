import NSXHTTP
import NSXKeyring
import NSXTime

/// What nsx reaches outside its own code: the keyring, the network, the clock and sleep.
/// `NSXApp.main` hands `NSXApp.run` the real ones; tests hand it theirs and so drive the
/// same pipeline as the binary.
public struct Dependencies {
    /// The keyring, each call bounded by the deadline given (keyring daemons can hang).
    public var makeKeyring: (_ deadline: Duration) -> any SecretStore
    public var makeTransport: (TransportSettings) throws(TransportError) -> any HTTPTransport
    public var clock: WallClock
    /// How retries and `--wait` pause; the real one wakes at once on Ctrl-C.
    public var sleeper: Sleeper
    /// Called when a command that calls the API is about to read its credential from the
    /// keyring: the real one starts that read in a child process and opens libcurl meanwhile
    /// (`LibraryWarmUp`); fakes need nothing started. True when the read runs ahead, so the
    /// first request may connect before it asks for the credential.
    public var warmUp: (SecretKey) -> Bool

    public init(makeKeyring: @escaping (_ deadline: Duration) -> any SecretStore = { KeyringStore(deadline: $0) },
                makeTransport: @escaping (TransportSettings) throws(TransportError) -> any HTTPTransport = { settings throws(TransportError) in
                    try CurlTransport(settings: settings)
                },
                clock: WallClock = .system, sleeper: Sleeper = .real, warmUp: @escaping (SecretKey) -> Bool = { _ in false }) {
        self.makeKeyring = makeKeyring
        self.makeTransport = makeTransport
        self.clock = clock
        self.sleeper = sleeper
        self.warmUp = warmUp
    }

    /// The real keyring, libcurl, the system clock and real sleep.
    public static var system: Dependencies { Dependencies(warmUp: LibraryWarmUp.start(reading:)) }
}
