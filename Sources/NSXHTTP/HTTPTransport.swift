/// Sends one request once. `CurlTransport` is the real one; tests put fakes here.
public protocol HTTPTransport: AnyObject, Sendable {
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}
