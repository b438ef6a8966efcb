import NSXCommandLine
import NSXHTTP
import NSXJSON
import NSXOutput

/// `nsx api [METHOD] PATH [-f k=v…] [-F k=typed…] [--input FILE|-] [-H 'Name: value'] [--paginate] [-i]`:
/// any request, authenticated as every other command is (and retried like them). The body is
/// printed as the server sent it: pretty on a terminal, byte for byte when piped.
enum API {
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
    static let method: OptionalWordArgument = .optionalWord("METHOD", help: "GET, POST, PUT, PATCH, DELETE or HEAD")
    static let path: WordArgument = .word("PATH", help: "servers, /api/v1/me, …")

    static let spec = NSXCommand(
        "api",
        summary: "Make an authenticated request to any API path",
        discussion: """
            A PATH without a leading / is relative to /api/v1/. METHOD (GET, POST, PUT, PATCH,
            DELETE or HEAD), before PATH or as -X METHOD like gh, defaults to GET, or to POST when
            fields or --input are given.

            -f key=value sends a string; -F key=value a typed value: a number, true, false,
            null, @file for a file's contents or @- for standard input. Dotted keys build nested
            objects (-F labels.env=prod) and key[] builds an array (-f permissions[]=servers:read).
            On GET and HEAD the fields are query parameters instead of a JSON body.

            The body is printed as the server sent it: pretty on a terminal, untouched when piped.
            A 4xx or 5xx answer is printed too, and nsx exits with the matching exit code.
            --paginate follows meta.next_cursor and prints one JSON array of every page's data
            (NDJSON lines with -o ndjson).
            """,
        usage: "[METHOD] PATH [-X METHOD] [-f key=value…] [-F key=typed…] [--input FILE|-] [-H 'Name: value'] [--paginate] [-i]",
        options: [.method, .rawField, .field, .input, .header, .paginate, .include],
        arguments: [method, path],
        examples: [
            Example("nsx api me"),
            Example("nsx api servers --paginate -o ndjson"),
            Example("nsx api PATCH servers/srv_abc -F labels.env=prod"),
            Example("nsx api -X DELETE servers/srv_abc"),
            Example("nsx api tokens -f name=ci -f 'permissions[]=servers:read'"),
        ],
        permissions: [],
        permissionsNote: "Whatever the route needs: GET servers needs servers:read, POST servers servers:write (nsx help permissions).",
        action: CommandRunner(parse: Options.init, run: run)
    )

    struct Options {
        var method: String
        var path: String
        var fields: APIFields
        var input: [UInt8]?
        var headers: [(String, String)]
        var paginate: Bool
        var include: Bool
        /// `-o ndjson` pages as lines; anything else one array.
        var format: OutputFormat
        var streams: IOStreams
        var api: APIAccess

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            format = invocation.globals.output
            streams = invocation.streams
            api = invocation.api
            path = try Self.apiPath(parsed[API.path])
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
            let methods = [parsed[API.method], parsed[.method]].compactMap { $0 }
            if methods.count == 2, methods[0].uppercased() != methods[1].uppercased() {
                throw .usage("two methods given: \(methods[0]) and -X \(methods[1])", hint: "Give the method once.")
            }
            if let word = methods.first {
                let upper = word.uppercased()
                guard API.methods.contains(upper) else {
                    throw .usage("unknown HTTP method \"\(word)\"", hint: "Use one of \(API.methods.joined(separator: ", ")).")
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

    static func run(_ options: Options) throws(CLIError) {
        let client = try options.api.client(.renewIfDue)
        if options.paginate {
            return try APIPaginator(client: client, options: options).run()
        }
        let response = try client.send(options.method, options.path, query: options.query, body: options.body,
                                       headers: options.headers)
        let output = APIResponseOutput(streams: options.streams)
        if response.deletedOnEarlierAttempt {
            // The DELETE was done by an attempt whose answer was lost; the retry's 404 is not news.
            options.streams.warn("note: an earlier attempt already deleted it (the retry was answered 404)")
            return
        }
        if options.include { output.writeHead(response) }
        output.writeBody(response.body)
        try output.check(response)
    }
}

extension OptionKey where Self == ListOption {
    static var rawField: Self { .list("raw-field", short: "f", .string, valueName: "key=value", help: "Add a string field") }
    static var field: Self { .list("field", short: "F", .string, valueName: "key=value", help: "Add a typed field") }
    static var header: Self { .list("header", short: "H", .string, valueName: "'Name: value'", help: "Add a request header") }
}

extension OptionKey where Self == ValueOption {
    /// `-X METHOD`, as gh takes it.
    static var method: Self { .value("method", short: "X", .string, valueName: "method", help: "The HTTP method (as METHOD before PATH)") }
    static var input: Self { .value("input", .path, valueName: "file", help: "Request body from a file, or - for stdin") }
}

extension OptionKey where Self == FlagOption {
    static var paginate: Self { .flag("paginate", help: "Fetch every page; print one array of every page's data") }
    static var include: Self { .flag("include", short: "i", help: "Print the status line and headers too") }
}
