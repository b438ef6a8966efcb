/// How `CurlTransport` behaves; the CLI fills it from flags and the environment.
public struct TransportSettings: Sendable {
    /// Bounds each attempt from start to last byte (`--timeout`).
    public var timeout: Duration
    public var connectTimeout: Duration
    /// A transfer slower than 1 byte/s for this long is aborted (still bounded by `timeout`).
    public var lowSpeedTime: Duration
    /// A PEM file of extra CAs to trust besides the system's (`--cacert`, `NSX_CA_BUNDLE`).
    public var caBundlePath: String?
    /// The system CA bundle the extra CAs are added to; nil asks libcurl for its built-in one.
    public var systemCABundlePath: String?
    /// Bodies larger than this (after decompression) fail with `responseTooLarge`.
    public var maxResponseBytes: Int
    /// Sent as `User-Agent`; the CLI passes `nsx/<version>`.
    public var userAgent: String
    /// The `-v` trace of every attempt, or nil.
    public var trace: (any HTTPTrace)?
    /// Polled during transfers; true aborts with `interrupted`. Defaults to the
    /// process-wide `CancellationFlag` that the CLI's SIGINT handler raises.
    public var isCancelled: @Sendable () -> Bool

    public init(
        timeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10),
        lowSpeedTime: Duration = .seconds(30),
        caBundlePath: String? = nil,
        systemCABundlePath: String? = nil,
        maxResponseBytes: Int = 32 << 20,
        userAgent: String = "nsx",
        trace: (any HTTPTrace)? = nil,
        isCancelled: @escaping @Sendable () -> Bool = { CancellationFlag.isRaised }
    ) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.lowSpeedTime = lowSpeedTime
        self.caBundlePath = caBundlePath
        self.systemCABundlePath = systemCABundlePath
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
        self.trace = trace
        self.isCancelled = isCancelled
    }
}
