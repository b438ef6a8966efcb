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
    /// Headers that carry the credential, asked for only once the connection is up:
    /// `CurlTransport` calls this just before it writes the request, so that connecting (TCP,
    /// and TLS for https) overlaps whatever produces them, such as a keyring lookup. A header
    /// of the same name in `headers` wins. When it throws, nothing is sent and the attempt
    /// fails with `TransportError.withdrawn`; the thrower keeps its own reason.
    public var credentialHeaders: (@Sendable () throws -> [(String, String)])?

    public init(
        method: String = "GET", url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        addsIdempotencyKey: Bool = true, timeLimit: Duration? = nil,
        credentialHeaders: (@Sendable () throws -> [(String, String)])? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.addsIdempotencyKey = addsIdempotencyKey
        self.timeLimit = timeLimit
        self.credentialHeaders = credentialHeaders
    }

    /// The request as it is sent once connected: the credential headers asked for and added
    /// (those `headers` already names are left out), none left to ask for. `CurlTransport`
    /// makes it from its pre-request callback; fakes make it as they are handed the request.
    public func withCredentialHeaders() throws(TransportError) -> HTTPRequest {
        guard let credentialHeaders else { return self }
        var complete = self
        complete.credentialHeaders = nil
        do {
            complete.headers += try credentialHeaders().filter { header($0.0) == nil }
        } catch {
            throw .withdrawn
        }
        return complete
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
