import NSXHTTP
import NSXJSON
import NSXOutput

/// Writes an `nsx api` answer: `-i` head, then the body (pretty on a terminal, untouched
/// when piped); a 4xx or 5xx then becomes the usual error and exit code.
struct APIResponseOutput {
    let streams: IOStreams

    func writeHead(_ response: HTTPResponse) {
        let reason = HTTPReason.phrase(response.status)
        var lines = ["HTTP \(response.status)\(reason.isEmpty ? "" : " " + reason)"]
        lines += response.headers.map { "\($0.0): \($0.1)" }
        let text = lines.joined(separator: "\n") + "\n\n"
        streams.out.write(streams.stdoutIsTerminal ? Self.safeLines(text) : text)
    }

    func writeBody(_ body: [UInt8]) {
        guard !body.isEmpty else { return }
        guard streams.stdoutIsTerminal else {
            streams.out.write(String(decoding: body, as: UTF8.self))
            return
        }
        if let value = try? JSONValue.parse(body) {
            streams.out.write(value.serialized(pretty: true, terminalSafe: true) + "\n")
        } else {
            let text = Self.safeLines(String(decoding: body, as: UTF8.self))
            streams.out.write(text.hasSuffix("\n") ? text : text + "\n")
        }
    }

    /// Multi-line text for a terminal: each line made safe, the line breaks kept.
    static func safeLines(_ text: String) -> String {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if line.last == "\r" { line.removeLast() }
                lines.append(terminalSafe(String(line)))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        lines.append(terminalSafe(String(line)))
        return lines.joined(separator: "\n")
    }

    func check(_ response: HTTPResponse) throws(CLIError) {
        guard !(200..<300).contains(response.status) else { return }
        throw .api(APIClient.apiError(from: response, parsed: try? JSONValue.parse(response.body)))
    }
}
