import NSXTime

/// The `-v` trace as text: `>` lines for what was sent, `<` for what came back, `*` for
/// retries and failures, each event handed to `write` as one block of whole lines.
/// Credentials and secret body fields are redacted; control characters are escaped.
public struct TextTrace: HTTPTrace {
    private let write: @Sendable (String) -> Void
    private let bodyLimit: Int

    /// - Parameter write: receives each event's lines, ending in a newline (the CLI: stderr).
    public init(bodyLimit: Int = 2048, write: @escaping @Sendable (String) -> Void) {
        self.bodyLimit = bodyLimit
        self.write = write
    }

    public func request(_ request: HTTPRequest) {
        var lines = ["\(request.method) \(request.url)"]
        lines += request.headers.map { "\($0.0): \(Redaction.headerValue(name: $0.0, value: $0.1))" }
        if let body = request.body.flatMap({ Redaction.body($0, limit: bodyLimit) }) { lines += ["", body] }
        emit(lines, prefix: "> ")
    }

    public func response(_ response: HTTPResponse, to request: HTTPRequest) {
        var status = "\(response.status) (\(response.elapsed.wholeMilliseconds) ms)"
        if let requestID = response.requestID { status += " \(requestID)" }
        var lines = [status]
        lines += response.headers.map { "\($0.0): \(Redaction.headerValue(name: $0.0, value: $0.1))" }
        if let body = Redaction.body(response.body, limit: bodyLimit) { lines += ["", body] }
        emit(lines, prefix: "< ")
    }

    public func failure(_ error: TransportError, for request: HTTPRequest) {
        emit(["\(request.method) \(request.url) failed: \(error)"], prefix: "* ")
    }

    public func retry(after delay: Duration, attempt: Int, of attempts: Int, reason: String) {
        emit(["retrying in \(delay.tenthsOfSecondText) s (attempt \(attempt) of \(attempts)): \(reason)"], prefix: "* ")
    }

    private func emit(_ lines: [String], prefix: String) {
        write(lines.map { (prefix + Self.visible($0)).trimmingTrailingBlanks() + "\n" }.joined())
    }

    /// Server-sent text never reaches a terminal raw: C0, DEL and C1 controls are escaped.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension String {
    func trimmingTrailingBlanks() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}

extension Duration {
    /// "1.2": seconds to one decimal, for people reading a trace.
    var tenthsOfSecondText: String {
        let tenths = (wholeMilliseconds + 50) / 100
        return "\(tenths / 10).\(tenths % 10)"
    }
}
