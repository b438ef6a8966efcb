/// Why `RetryingClient.send` produced no response to hand back.
public enum HTTPClientError: Error, Sendable, CustomStringConvertible {
    /// The last attempt failed in transport (or a failure that is never retried).
    case transport(TransportError)
    /// The server asked to wait longer than the retry budget allows (the CLI exits 8).
    case retryAfterTooLong(seconds: Int, response: HTTPResponse)

    /// Ctrl-C (or the caller's cancellation) stopped the request.
    public var isInterruption: Bool {
        if case .transport(.interrupted) = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .transport(let error): error.description
        case .retryAfterTooLong(let seconds, let response):
            "the server answered \(response.status) and asked to retry after \(seconds) s, longer than nsx waits"
        }
    }
}
