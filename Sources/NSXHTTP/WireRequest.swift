/// A request as it goes on the wire: header values without CR/LF, the User-Agent added,
/// and the header lines for libcurl, including the defaults it must not add.
struct WireRequest {
    let method: String
    let body: [UInt8]?
    /// Exactly the headers sent, for the trace.
    let traced: HTTPRequest
    let headerLines: [String]

    init(_ request: HTTPRequest, userAgent: String) throws(TransportError) {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(Self.isTokenByte) else {
            throw .other(code: 43, message: "invalid HTTP method \(HeaderField.stripped(request.method))")
        }
        method = request.method
        // A POST always carries a body, if only an empty one, so libcurl never waits to read one.
        body = request.body ?? (method == "POST" ? [] : nil)

        var headers = request.headers.map { (HeaderField.name($0.0), HeaderField.value($0.1)) }
        var lines = headers.map { HeaderField.requestLine(name: $0.0, value: $0.1) }
        if request.header("User-Agent") == nil { headers.append(("User-Agent", userAgent)) }
        // "Expect: 100-continue" would cost a round trip (or a second's wait) on larger bodies.
        lines.append(HeaderField.suppression(of: "Expect"))
        // Without this libcurl labels a body "application/x-www-form-urlencoded".
        if body != nil, request.header("Content-Type") == nil {
            lines.append(HeaderField.suppression(of: "Content-Type"))
        }
        headerLines = lines
        traced = HTTPRequest(method: method, url: request.url, headers: headers, body: request.body,
                             addsIdempotencyKey: request.addsIdempotencyKey)
    }

    /// RFC 9110 token characters, the only ones a method may have.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
