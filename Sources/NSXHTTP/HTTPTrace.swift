/// Receives every attempt for the `-v` trace. `TextTrace` writes it out, redacted.
public protocol HTTPTrace: Sendable {
    /// An attempt is about to go out, with the headers exactly as sent.
    func request(_ request: HTTPRequest)
    func response(_ response: HTTPResponse, to request: HTTPRequest)
    func failure(_ error: TransportError, for request: HTTPRequest)
    /// `RetryingClient` waits `delay` before attempt `attempt` of at most `attempts`.
    func retry(after delay: Duration, attempt: Int, of attempts: Int, reason: String)
}
