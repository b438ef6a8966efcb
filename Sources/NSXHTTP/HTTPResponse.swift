/// A complete HTTP response: status, headers in arrival order, the whole (decoded) body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Time of the attempt that produced this response, from sending to the last byte.
    public var elapsed: Duration
    /// A DELETE answered 404 after an earlier attempt may already have deleted the resource
    /// (it failed in transit or through a gateway): the caller should treat it as done.
    public var deletedOnEarlierAttempt: Bool

    public init(
        status: Int, headers: [(String, String)] = [], body: [UInt8] = [], elapsed: Duration = .zero,
        deletedOnEarlierAttempt: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.elapsed = elapsed
        self.deletedOnEarlierAttempt = deletedOnEarlierAttempt
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The server's `X-Request-Id`, which error messages and the trace show.
    public var requestID: String? { header("X-Request-Id") }
}
