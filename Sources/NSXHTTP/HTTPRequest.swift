/// One HTTP request as the API client describes it; the transport decides how it travels.
public struct HTTPRequest: Sendable {
    public var method: String
    /// Absolute `https://…` URL, or `http://…` to a loopback host.
    public var url: String
    /// In the order given; names are case-insensitive. CR and LF are stripped before sending.
    public var headers: [(String, String)]
    public var body: [UInt8]?
    /// Whether `RetryingClient` gives a POST without one its own `Idempotency-Key`.
    /// The API's `/auth` routes take none, so the API client turns this off for them.
    public var addsIdempotencyKey: Bool
    /// At most this long for the attempt, when shorter than the transport's own timeout:
    /// `RetryingClient` gives each attempt what is left of its budget.
    public var timeLimit: Duration?

    public init(
        method: String = "GET", url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        addsIdempotencyKey: Bool = true, timeLimit: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.addsIdempotencyKey = addsIdempotencyKey
        self.timeLimit = timeLimit
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
