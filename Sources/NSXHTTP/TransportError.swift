/// Why one attempt produced no HTTP response. Messages are libcurl's own where it has one.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Name resolution or the TCP connection failed; nothing was sent.
    case couldNotConnect(String)
    /// The connect timeout, the per-attempt timeout or the low-speed limit struck.
    case timedOut(String)
    /// The connection broke after the request may have been sent: a send or receive
    /// error, an empty reply, or a body shorter than announced.
    case connectionLost(String)
    /// Certificate verification, the handshake, or the CA bundle.
    case tls(String)
    /// The server answered 3xx; redirects are never followed.
    case redirectRefused(location: String)
    /// Not `https`, or `http` to a host that is not loopback. Refused before sending.
    case schemeRefused(url: String)
    /// The body grew past `TransportSettings.maxResponseBytes`.
    case responseTooLarge(limit: Int)
    /// The process-wide cancellation flag was raised (SIGINT).
    case interrupted
    /// The request's credential headers could not be produced once connected
    /// (`HTTPRequest.credentialHeaders` threw); nothing was sent.
    case withdrawn
    /// Any other libcurl failure, with its `CURLcode` number.
    case other(code: Int, message: String)

    public var description: String {
        switch self {
        case .couldNotConnect(let message): "could not connect: \(message)"
        case .timedOut(let message): "timed out: \(message)"
        case .connectionLost(let message): "connection lost: \(message)"
        case .tls(let message): "TLS: \(message)"
        case .redirectRefused(let location):
            "the server redirected to \(location.isEmpty ? "another location" : location); redirects are not followed"
        case .schemeRefused(let url):
            "refusing \(url): only https is allowed, and http only to localhost"
        case .responseTooLarge(let limit): "the response is larger than \(limit) bytes"
        case .interrupted: "interrupted"
        case .withdrawn: "the request was withdrawn before it was sent: its credential could not be read"
        case .other(let code, let message): "\(message) (libcurl error \(code))"
        }
    }

    /// Failures worth another attempt: the network, not the request, was at fault.
    var isRetryable: Bool {
        switch self {
        case .couldNotConnect, .timedOut, .connectionLost: true
        case .tls, .redirectRefused, .schemeRefused, .responseTooLarge, .interrupted, .withdrawn, .other: false
        }
    }

    /// Whether the server might have acted on the request before the failure.
    var requestMayHaveReachedServer: Bool {
        switch self {
        case .timedOut, .connectionLost: true
        default: false
        }
    }
}
