import NSXCommandLine
import NSXHTTP
import NSXJSON
import NSXOutput

/// `nsx api [METHOD] PATH [-f k=v…] [-F k=typed…] [--input FILE|-] [-H 'Name: value'] [--paginate] [-i]`:
/// any request, authenticated as every other command is (and retried like them). The body is
/// printed as the server sent it: pretty on a terminal, byte for byte when piped.
enum Api {
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
    static let method: OptionalWordArgument = .optionalWord("METHOD", help: "GET, POST, PUT, PATCH, DELETE or HEAD")
    static let path: WordArgument = .word("PATH", help: "servers, /api/v1/me, …")

    struct Options {
        var method: String
        var path: String
        var fields: APIFields
        var input: [UInt8]?
        var headers: [(String, String)]
        var paginate: Bool
        var include: Bool

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            path = try Self.apiPath(parsed[Api.path])
            let stdin = invocation.streams
            fields = try APIFields(raw: parsed[.rawField], typed: parsed[.field],
                                   readStdin: { stdin.readAllInput() })
            if let source = parsed[.input] {
                guard fields.isEmpty else { throw .usage("--input cannot be combined with -f/-F fields", hint: "Put every field in the --input body.") }
                if source == "-" {
                    guard let bytes = stdin.readAllInput() else { throw .io("cannot read standard input") }
                    input = bytes
                } else {
                    input = try APIFields.readFile(source)
                }
            }
            if let word = parsed[Api.method] {
                let upper = word.uppercased()
                guard Api.methods.contains(upper) else {
                    throw .usage("unknown HTTP method \"\(word)\"", hint: "Use one of \(Api.methods.joined(separator: ", ")).")
                }
                method = upper
            } else {
                method = fields.isEmpty && input == nil ? "GET" : "POST"
            }
            headers = try parsed[.header].map { (header: String) throws(CLIError) in try Self.header(header) }
            paginate = parsed[.paginate]
            include = parsed[.include]
            if paginate {
                guard method == "GET" else { throw .usage("--paginate only works with GET", hint: "It follows meta.next_cursor of a list.") }
                guard !include else { throw .usage("--paginate cannot be combined with -i") }
            }
        }

        /// Fields are query parameters on GET and HEAD (like gh), the JSON body otherwise.
        var sendsFieldsAsQuery: Bool { method == "GET" || method == "HEAD" }

        var query: [(String, String)] { sendsFieldsAsQuery ? fields.query : [] }

        var body: [UInt8]? {
            if let input { return input }
            if fields.isEmpty || sendsFieldsAsQuery { return nil }
            return Array(fields.body.serialized().utf8)
        }

        /// `servers` → `/api/v1/servers`; a leading `/` keeps the path as it is.
        static func apiPath(_ word: String) throws(CLIError) -> String {
            if word.hasPrefix("https://") || word.hasPrefix("http://") {
                throw .usage("give a path, not a URL: \"\(word)\"", hint: "Set the server with --api-url; e.g. nsx api /api/v1/me.")
            }
            if word.isEmpty || word.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
                throw .usage("invalid path \"\(terminalSafe(word))\"", hint: "Percent-encode spaces and control characters.")
            }
            return word.hasPrefix("/") ? word : "/api/v1/" + word
        }

        /// `Name: value`; CR or LF would smuggle another header, so they are refused.
        static func header(_ text: String) throws(CLIError) -> (String, String) {
            if text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                throw .usage("a header cannot contain a line break", hint: "Give -H 'Name: value' on one line.")
            }
            guard let colon = text.firstIndex(of: ":") else {
                throw .usage("invalid header \"\(terminalSafe(text))\"", hint: "Use -H 'Name: value'.")
            }
            let name = text[..<colon].trimmingWhitespace()
            let isToken = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
                scalar.value > 0x20 && scalar.value < 0x7F && !"()<>@,;:\\\"/[]?={}".unicodeScalars.contains(scalar)
            }
            guard isToken else { throw .usage("invalid header name \"\(terminalSafe(name))\"", hint: "Use -H 'Name: value'.") }
            return (name, text[text.index(after: colon)...].trimmingWhitespace())
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try Options(invocation)
        let client = try invocation.api.client(.renewIfDue)
        if options.paginate {
            return try APIPaginator(invocation: invocation, client: client, options: options).run()
        }
        let response = try client.send(options.method, options.path, query: options.query, body: options.body,
                                       headers: options.headers)
        let output = APIResponseOutput(streams: invocation.streams)
        if response.deletedOnEarlierAttempt {
            // The DELETE was done by an attempt whose answer was lost; the retry's 404 is not news.
            invocation.streams.warn("note: an earlier attempt already deleted it (the retry was answered 404)")
            return
        }
        if options.include { output.writeHead(response) }
        output.writeBody(response.body)
        try output.check(response)
    }
}

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

/// `nsx api PATH --paginate`: follows `meta.next_cursor`, writing every page's `data` as it
/// arrives into one JSON array (or NDJSON lines with `-o ndjson`).
struct APIPaginator {
    let invocation: Invocation
    let client: APIClient
    let options: Api.Options

    func run() throws(CLIError) {
        let streams = invocation.streams
        var query = options.query
        let pathHasLimit = options.path.split(separator: "?", maxSplits: 1).dropFirst().first?
            .split(separator: "&").contains { $0.hasPrefix("limit=") } ?? false
        if !pathHasLimit && !query.contains(where: { $0.0 == "limit" }) { query.append(("limit", "100")) }

        var format = OutputOptions()
        format.format = invocation.globals.output == .ndjson ? .ndjson : .json
        format.terminal = streams.stdoutIsTerminal
        let writer = ListWriter(options: format, columns: [], sink: streams.out)
        let output = APIResponseOutput(streams: streams)
        var cursor: String?
        var pages = 0
        while true {
            let response = try client.send("GET", options.path, query: query + (cursor.map { [("cursor", $0)] } ?? []),
                                           headers: options.headers)
            guard (200..<300).contains(response.status) else {
                if pages == 0 { output.writeBody(response.body) }
                try output.check(response)
                return
            }
            pages += 1
            guard let envelope = try? JSONValue.parse(response.body), case .array(let items)? = envelope["data"] else {
                throw .usage("--paginate needs a list: GET \(options.path) answered without a data array")
            }
            writer.write(items)
            guard envelope["meta"]?["has_more"]?.boolValue ?? false,
                  let next = envelope["meta"]?["next_cursor"]?.stringValue, !next.isEmpty else { break }
            cursor = next
        }
        writer.finish()
    }
}

/// Reason phrases for `-i`'s status line (the transport keeps only the code).
enum HTTPReason {
    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}

extension OptionKey where Self == ListOption {
    static var rawField: Self { .list("raw-field", short: "f", .string, valueName: "key=value", help: "Add a string field") }
    static var field: Self { .list("field", short: "F", .string, valueName: "key=value", help: "Add a typed field") }
    static var header: Self { .list("header", short: "H", .string, valueName: "'Name: value'", help: "Add a request header") }
}

extension OptionKey where Self == ValueOption {
    static var input: Self { .value("input", .path, valueName: "file", help: "Request body from a file, or - for stdin") }
}

extension OptionKey where Self == FlagOption {
    static var paginate: Self { .flag("paginate", help: "Fetch every page; print one array of every page's data") }
    static var include: Self { .flag("include", short: "i", help: "Print the status line and headers too") }
}
