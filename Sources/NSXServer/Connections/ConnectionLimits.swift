/// How long a client may take and how many may be connected: what keeps a few idle or
/// trickling sockets (slowloris) from holding the server.
public struct ConnectionLimits: Sendable, Equatable {
    /// Seconds to send a request's headers, counted from connecting (first request) or from
    /// the first byte of the request (later ones on a kept-alive connection).
    public var headerTimeout: Double = 10
    /// Seconds a connection may go without a request part or a response.
    public var idleTimeout: Double = 60
    /// Connections open at once; more are closed as they arrive.
    public var maxConnections = 512

    public init() {}
}
