import NSXCommandLine
import NSXConfig
import NSXHTTP
import NSXJSON
import NSXKeyring
import NSXOutput
import NSXTime

/// What a failure looks like to a person and to a script.
public struct ErrorPresentation: Sendable {
    public var exitCode: ExitCode
    public var message: String
    public var hints: [String]
    public var details: [String]
    public var requestID: String?
    /// `{"success": false, "error": {...}}` for stderr under `-o json`/`ndjson`.
    public var json: JSONValue
    /// Said as it is, without `error:`: the person's own choice (answering no) is no error.
    public var isPlain = false
}

/// The one place where errors become words and exit codes.
public enum ErrorPresenter {
    /// Facts that make hints exact (e.g. which permissions the current token has on a 403).
    public struct Context {
        /// Asked only on a 403, for what the credential in use may do; it may ask the API
        /// (`GET /api/v1/me`). Without it, presenting an error never touches the network.
        public var permissions: (() -> [String]?)?
        public var commandPath: [String]
        /// Commands in hints carry the profile in use.
        public var suggestions: CommandSuggestions
        public init(permissions: (() -> [String]?)? = nil, commandPath: [String] = [], suggestions: CommandSuggestions = CommandSuggestions()) {
            self.permissions = permissions
            self.commandPath = commandPath
            self.suggestions = suggestions
        }
    }

    public static func present(_ error: any Error, context: Context = Context()) -> ErrorPresentation {
        switch error {
        case let error as CLIError: return present(error, context: context)
        case let error as APIError: return present(CLIError.api(error), context: context)
        case let error as UsageError: return present(CLIError.parse(error), context: context)
        case let error as TransportError: return present(CLIError.transport(error), context: context)
        case let error as ConfigError: return present(CLIError.config(error), context: context)
        case let error as OutputError: return present(CLIError.output(error), context: context)
        case let error as HTTPClientError:
            switch error {
            case .transport(let transport): return present(CLIError.transport(transport), context: context)
            case .retryAfterTooLong(let seconds, let response):
                return present(CLIError.retryAfterTooLong(seconds: seconds, requestID: response.header("X-Request-Id")), context: context)
            }
        default:
            return local(.failure, code: "INTERNAL", message: "\(error)")
        }
    }

    static func present(_ error: CLIError, context: Context) -> ErrorPresentation {
        switch error {
        case .usage(let message, let hint):
            return local(.usage, code: "USAGE", message: message, hints: hint.map { [$0] } ?? [])
        case .parse(let usage):
            return local(.usage, code: "USAGE", message: usage.message,
                         hints: [usage.suggestionLine, "Usage: \(usage.usageLine)"].compactMap { $0 })
        case .output(let output):
            return local(.usage, code: "USAGE", message: "\(output)")
        case .confirmationRequired(let action):
            return local(.usage, code: "USAGE", message: "\(action) needs confirmation, and there is no terminal to ask on",
                         hints: ["Pass --yes to confirm."])
        case .declined:
            var presentation = local(.failure, code: "DECLINED", message: "Cancelled.")
            presentation.isPlain = true
            return presentation
        case .api(let api):
            return presentAPI(api, context: context)
        case .transport(let transport):
            return presentTransport(transport)
        case .retryAfterTooLong(let seconds, let requestID):
            var p = local(.rateLimited, code: "RATE_LIMITED",
                          message: "the server asked to wait \(RelativeTime.spoken(seconds: seconds)) before retrying; giving up",
                          hints: ["Try again after \(RelativeTime.spoken(seconds: seconds))."])
            p.requestID = requestID
            return p
        case .malformedResponse(let what, let requestID):
            var p = local(.failure, code: "MALFORMED_RESPONSE", message: "the server sent a response nsx cannot read: \(what)")
            p.requestID = requestID
            return p
        case .unsupported(let feature):
            return local(.failure, code: "UNSUPPORTED", message: "this server does not support \(feature)")
        case .notLoggedIn(let profile):
            return local(.notAuthenticated, code: "UNAUTHORIZED", message: "not logged in (profile \"\(profile)\")",
                         hints: ["Run `\(context.suggestions.nsx("login"))`, or set NSX_TOKEN."])
        case .loggedInElsewhere(let profile, let storedURL, let requestedURL):
            return local(.notAuthenticated, code: "UNAUTHORIZED",
                         message: "profile \"\(profile)\" is logged in to \(storedURL), not to \(requestedURL)",
                         hints: ["Log in to \(requestedURL) (`\(context.suggestions.nsx("login --api-url \(requestedURL)"))`), or unset NSX_API_URL / --api-url to use \(storedURL)."])
        case .sessionExpired(let profile, let at):
            return local(.notAuthenticated, code: "UNAUTHORIZED", message: "the session of profile \"\(profile)\" expired at \(at)",
                         hints: ["Run `\(context.suggestions.nsx("login"))` to start a new session."])
        case .badCredential(let reason):
            return local(.notAuthenticated, code: "UNAUTHORIZED", message: reason)
        case .keyring(let keyringError, let storing):
            return presentKeyring(keyringError, storing: storing, suggestions: context.suggestions)
        case .config(let config):
            return local(.failure, code: "CONFIG", message: "\(config)")
        case .io(let message):
            return local(.failure, code: "IO", message: message)
        case .nameNotFound(let kind, let name):
            return local(.notFound, code: "NOT_FOUND", message: "no \(kind) named \"\(name)\"")
        case .ambiguousName(let kind, let name, let candidates):
            var presentation = local(.usage, code: "AMBIGUOUS", message: "\"\(name)\" matches \(candidates.count) \(kind)s; use an ID",
                                     details: candidates)
            presentation.json = errorJSON(code: "AMBIGUOUS", message: presentation.message,
                                          details: candidates.map { APIError.FieldProblem(field: "candidate", message: $0) })
            return presentation
        case .waitTimedOut(let what, let seconds, let lastStatus, _):
            return local(.waitGaveUp, code: "TIMEOUT",
                         message: "gave up waiting for \(what) after \(RelativeTime.spoken(seconds: seconds)) (still \(lastStatus))",
                         hints: ["Raise --wait-timeout, or check later with a get."])
        case .waitFailed(let what, let status, _):
            return local(.waitGaveUp, code: "WAIT_FAILED", message: "\(what) ended \(status)")
        case .batchFailed(let first, let failures, let total):
            return local(first, code: "PARTIAL_FAILURE", message: "\(failures) of \(total) failed")
        case .stoppedPartWay(let done, let next, let cause):
            var p = present(cause, context: context)
            p.message = "\(done): \(p.message)"
            p.hints = next + p.hints
            if case .object(var envelope) = p.json, case .object(var body)? = envelope["error"] {
                body["message"] = .string(p.message)
                envelope["error"] = .object(body)
                p.json = .object(envelope)
            }
            return p
        case .checksFailed(let count):
            return local(.failure, code: "CHECKS_FAILED", message: "\(count) check\(count == 1 ? "" : "s") failed")
        case .findings(let summary, let hint):
            return local(.findings, code: "FINDINGS", message: summary, hints: hint.map { [$0] } ?? [])
        case .interrupted:
            return local(.interrupted, code: "INTERRUPTED", message: "interrupted")
        case .waitInterrupted(let pending):
            let still = pending.map { "\($0.what) is still \($0.status); check with `\($0.check)`" }
            var presentation = local(.interrupted, code: "INTERRUPTED",
                                     message: pending.count == 1 ? "interrupted; \(still[0])" : "interrupted; still going on:",
                                     details: pending.count == 1 ? [] : still)
            presentation.json = errorJSON(code: "INTERRUPTED", message: "interrupted",
                                          details: pending.map { APIError.FieldProblem(field: $0.what, message: "still \($0.status)") })
            return presentation
        }
    }

    static func presentAPI(_ api: APIError, context: Context) -> ErrorPresentation {
        let exit: ExitCode
        var hints: [String] = []
        switch api.status {
        case 400, 413: exit = .usage
        case 401 where api.code == "INVALID_CREDENTIALS":
            exit = .notAuthenticated
            hints.append("Check the email and password; after five failures the server refuses logins for 15 minutes.")
        case 401:
            exit = .notAuthenticated
            hints.append("The credential was rejected (revoked, expired or unknown). Run `\(context.suggestions.nsx("login"))`, or check NSX_TOKEN.")
        case 403:
            exit = .permissionDenied
            hints += permissionHints(api, context: context)
        case 404: exit = .notFound
        case 409: exit = .conflict
        case 429:
            exit = .rateLimited
            if let seconds = api.retryAfterSeconds { hints.append("The server asks to wait \(RelativeTime.spoken(seconds: seconds)).") }
        default: exit = .failure
        }
        let details = api.details.map { "\($0.field): \($0.message)" }
        let json: JSONValue = api.body.map { .object(["success": false, "error": $0]) } ?? errorJSON(code: api.code, message: api.message, details: api.details)
        return ErrorPresentation(exitCode: exit, message: api.message, hints: hints, details: details,
                                 requestID: api.requestID, json: json)
    }

    /// On a 403: what is missing, what the credential has, and the command that would fix it.
    static func permissionHints(_ api: APIError, context: Context) -> [String] {
        guard let missing = api.missingPermission else { return [] }
        var hints: [String] = []
        let permissions = context.permissions?()
        if let have = permissions {
            hints.append("This credential has: \(have.isEmpty ? "no permissions" : Permission.compact(have)).")
        }
        // What it has, what was missing, and whatever else this command needs in any form.
        var wanted = Set(permissions ?? [])
        wanted.insert(missing)
        if let command = CommandTree.root.find(path: context.commandPath) { wanted.formUnion(command.permissions) }
        let perms = Permission.canonicalOrder(Array(wanted)).joined(separator: ",")
        hints.append("A token that can do this: \(context.suggestions.nsx("tokens create --name <name> --perm \(perms)"))")
        return hints
    }

    static func presentTransport(_ error: TransportError) -> ErrorPresentation {
        switch error {
        case .couldNotConnect(let detail):
            return local(.network, code: "NETWORK", message: "cannot connect to the API: \(detail)",
                         hints: ["Check --api-url / NSX_API_URL and your network."])
        case .timedOut(let detail):
            return local(.network, code: "TIMEOUT", message: "the API did not answer in time: \(detail)",
                         hints: ["Raise --timeout if the server is slow."])
        case .tls(let detail):
            return local(.network, code: "TLS", message: "TLS failure: \(detail)",
                         hints: ["For a private CA, pass --cacert FILE or set NSX_CA_BUNDLE."])
        case .connectionLost(let detail):
            return local(.network, code: "NETWORK", message: "the connection to the API broke: \(detail)")
        case .redirectRefused(let location):
            return local(.failure, code: "REDIRECT_REFUSED",
                         message: "the API answered with a redirect to \(location.isEmpty ? "another location" : location); nsx never follows redirects",
                         hints: ["Point --api-url at the final address."])
        case .schemeRefused(let url):
            return local(.usage, code: "USAGE", message: "refusing \(url): plain http is only allowed to loopback addresses; use https")
        case .responseTooLarge(let limit):
            return local(.failure, code: "RESPONSE_TOO_LARGE", message: "the response was larger than \(limit) bytes; aborted")
        case .interrupted:
            return local(.interrupted, code: "INTERRUPTED", message: "interrupted")
        case .withdrawn:
            // APIClient reports the credential's own failure instead; this is the fallback.
            return local(.notAuthenticated, code: "UNAUTHENTICATED", message: "nothing was sent: the credential could not be read")
        case .other(let code, let detail):
            return local(.network, code: "NETWORK", message: "HTTP transfer failed (\(code)): \(detail)")
        }
    }

    static func presentKeyring(_ error: SecretStoreError, storing: Bool,
                               suggestions: CommandSuggestions = CommandSuggestions()) -> ErrorPresentation {
        let exit: ExitCode = storing ? .failure : .notAuthenticated
        let fallback = storing ? ["Or run `\(suggestions.nsx("login --insecure-storage"))` to keep the secret in a 0600 file in the config folder instead."] : []
        switch error {
        case .noSecretService(let detail):
            return local(exit, code: "KEYRING", message: "no Secret Service (GNOME keyring) is reachable: \(detail)",
                         hints: ["Start a D-Bus session with gnome-keyring, or set NSX_TOKEN."] + fallback)
        case .locked:
            return local(exit, code: "KEYRING", message: "the keyring is locked",
                         hints: ["Unlock it (e.g. log in to the desktop session), or set NSX_TOKEN."] + fallback)
        case .timedOut:
            return local(exit, code: "KEYRING", message: "the keyring did not answer in time",
                         hints: ["Check that gnome-keyring-daemon is running and not waiting on a prompt."] + fallback)
        case .failed(let detail):
            return local(exit, code: "KEYRING", message: "the keyring failed: \(detail)", hints: fallback)
        }
    }

    static func local(_ exit: ExitCode, code: String, message: String, hints: [String] = [], details: [String] = []) -> ErrorPresentation {
        ErrorPresentation(exitCode: exit, message: message, hints: hints, details: details, requestID: nil,
                          json: errorJSON(code: code, message: message, details: []))
    }

    static func errorJSON(code: String, message: String, details: [APIError.FieldProblem]) -> JSONValue {
        var error: JSONObject = ["code": .string(code), "message": .string(message)]
        if !details.isEmpty {
            error["details"] = .array(details.map { .object(["field": .string($0.field), "message": .string($0.message)]) })
        }
        return .object(["success": false, "error": .object(error)])
    }
}
