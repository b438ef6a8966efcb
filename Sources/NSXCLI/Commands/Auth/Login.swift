import NSXCommandLine
import NSXConfig
import NSXJSON
import NSXKeyring
import NSXOutput

/// `nsx login`: a session from email and password (prompted on a terminal, or
/// `--email E --password-stdin`), or an API token from standard input (`--with-token`).
/// The secret goes to the keyring (or the 0600 file with `--insecure-storage`), the
/// facts to config.json.
enum Login: Verb {
    static let spec = NSXCommand(
        "login",
        summary: "Log in and keep the credential in the GNOME keyring",
        discussion: """
            On a terminal nsx asks for your email and password (the password is never echoed).
            Scripts pass --email and the password on standard input with --password-stdin, or an
            API token on standard input with --with-token. No secret is ever taken as an argument.

            The secret is stored in the Secret Service (GNOME keyring); config.json keeps only
            non-secret facts. Where no Secret Service answers, login fails before anything is sent
            or written (exit 1); --insecure-storage keeps the secret in a 0600 file in the config
            folder instead. Logging in again replaces the profile's login (and ends its old session).
            """,
        options: [.email, .passwordStdin, .withToken, .insecureStorage],
        examples: [
            Example("nsx login", summary: "Log in interactively"),
            Example("echo \"$PASSWORD\" | nsx login --email me@example.com --password-stdin"),
            Example("echo \"$NSX_CI_TOKEN\" | nsx login --with-token --profile ci"),
        ],
        action: runner)

    struct Words: Equatable {
        enum Method: Equatable {
            /// Email and password; `passwordFromStdin` for scripts, else both asked on the terminal.
            case password(email: String?, passwordFromStdin: Bool)
            case token
        }

        var method: Method
        var insecureStorage: Bool

        init(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) {
            let email = parsed[.email]?.trimmingWhitespace()
            let passwordStdin = parsed[.passwordStdin]
            insecureStorage = parsed[.insecureStorage]
            if parsed[.withToken] {
                if passwordStdin { throw .usage("--with-token and --password-stdin cannot be used together", hint: "Standard input carries either a token or a password.") }
                if email != nil { throw .usage("--with-token does not take --email", hint: "The token itself says whose it is.") }
                method = .token
                return
            }
            if let email, email.isEmpty { throw .usage("--email is empty") }
            if passwordStdin && email == nil {
                throw .usage("--password-stdin needs --email", hint: "echo \"$PASSWORD\" | nsx login --email me@example.com --password-stdin")
            }
            method = .password(email: email, passwordFromStdin: passwordStdin)
        }
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words { try Words(parsed) }

    static func run(_ options: Words, _ auth: AuthAccess) throws(CLIError) {
        let streams = auth.streams
        if case .password(_, passwordFromStdin: false) = options.method, !streams.canPrompt {
            throw .usage("nsx login needs a terminal to ask for your email and password",
                         hint: "In scripts pass --email E --password-stdin (the password on standard input), or --with-token (an API token on standard input).")
        }
        let profile = auth.profile
        let apiURL = APIURL.normalized(try auth.apiURL())
        if let problem = APIURL.problem(with: apiURL) {
            throw .usage("cannot log in to \(apiURL): \(problem.reason)", hint: problem.hint)
        }
        let storage: SecretStorage = options.insecureStorage ? .file : .keyring
        let logins = auth.logins

        // Before any secret is asked for or sent: can it be kept?
        try logins.checkUsable(storage, key: SecretKey(profile: profile, apiURL: apiURL))

        let client = try auth.client(baseURL: apiURL, credential: nil)
        let secret: String
        let identity: Identity
        switch options.method {
        case .token:
            (secret, identity) = try verifyToken(client: client, auth: auth)
        case .password(let email, let passwordFromStdin):
            (secret, identity) = try startSession(email: email, passwordFromStdin: passwordFromStdin,
                                                  streams: streams, client: client)
        }

        let previous = try auth.storedProfiles()[profile]
        let previousSession = previous.flatMap { facts in
            facts.credentialType == .session ? (try? logins.secret(profile: profile, facts: facts)).flatMap { $0 } : nil
        }
        try logins.save(secret: secret, facts: identity.facts(apiURL: apiURL, storage: storage), profile: profile, replacing: previous)
        if let previous, let previousSession, previousSession != secret {
            endReplacedSession(previousSession, apiURL: previous.apiURL, auth: auth)
        }

        let style = streams.errStyle
        if options.insecureStorage {
            auth.printer.warn("the secret is stored unencrypted in \(auth.credentialsFile) (mode 0600), as --insecure-storage asked")
        }
        var line = "Logged in to \(apiURL) as \(identity.userDescription)"
        if profile != "default" { line += " (profile \(profile))" }
        streams.warn((StyledText.mark("✓", .green) + StyledText(" " + line)).rendered(style))
        if identity.type == .apiToken {
            let name = identity.token?.name.map { terminalSafe($0) } ?? "an API token"
            let prefix = identity.token?.prefix.map { " (\(terminalSafe($0))…)" } ?? ""
            streams.warn("  Token: \(name)\(prefix)")
            streams.warn("  Environment: \(AuthText.badge(identity.environment).rendered(style))")
            streams.warn("  Permissions: \(identity.permissions.isEmpty ? "none" : identity.permissions.joined(separator: " "))")
            let expiry = AuthText.expiry(identity.expiresAt, kind: .apiToken, now: auth.clock.now())
            if identity.expiresAt != nil { streams.warn("  Expires: \(expiry.text)") }
        }
        if auth.environmentToken {
            streams.warn("note: NSX_TOKEN is set; while it is, nsx uses it instead of this login")
        }
    }

    // MARK: Session

    static func startSession(email: String?, passwordFromStdin: Bool, streams: IOStreams,
                             client: APIClient) throws(CLIError) -> (String, Identity) {
        let address: String
        if let email {
            address = email
        } else {
            // Enter on its own asks again; only the end of input (or Ctrl-C) gives up.
            var typed = ""
            while typed.isEmpty {
                guard let answer = streams.prompt("Email: ") else { throw .usage("no email was entered") }
                typed = answer.trimmingWhitespace()
            }
            address = typed
        }
        // --password-stdin typed by hand at a terminal still does not echo.
        let password = passwordFromStdin
            ? try SecretInput.read(streams, question: "Password: ", what: "password")
            : try SecretInput.prompted(streams, question: "Password: ", what: "password")

        let response = try client.post("/auth/login", body: ["email": .string(address), "password": .string(password)])
        guard let token = response.data["token"]?.stringValue, !token.isEmpty else {
            throw .malformedResponse("a login answer without a token", requestID: response.requestID)
        }
        let user = response.data["user"]
        let expiresAt = response.data["expires_at"]?.stringValue
        client.replaceCredential(Credential(secret: token, kind: .session, source: .keyring, facts: nil))

        // A session carries every permission (docs/openapi.yaml); /me says so exactly where it exists.
        if var identity = try Identity.fetch(client) {
            identity.expiresAt = identity.expiresAt ?? expiresAt
            return (token, identity)
        }
        let identity = Identity(
            user: .init(id: user?["id"]?.stringValue, email: user?["email"]?.stringValue ?? address, name: user?["name"]?.stringValue),
            type: .session, environment: try client.environment,
            permissions: Permission.all, expiresAt: expiresAt, token: nil)
        return (token, identity)
    }

    // MARK: API token

    static func verifyToken(client: APIClient, auth: AuthAccess) throws(CLIError) -> (String, Identity) {
        let streams = auth.streams
        let token = try SecretInput.read(streams, question: "Paste your API token: ", what: "API token").trimmingWhitespace()
        if let problem = TokenFormat.problem(with: token) {
            throw .usage("that is not an API token: \(problem)", hint: "Sessions come from `nsx login` with email and password.")
        }
        let credential = Credential(secret: token, kind: .apiToken, source: .keyring, facts: nil)
        if auth.testEnvironment, credential.tokenEnvironment == .live {
            throw .usage("--test cannot be used with a live API token", hint: "Use a test token (nsx_test_…) or a session.")
        }
        client.replaceCredential(credential)
        let identity: Identity
        do {
            guard let fetched = try Identity.fetch(client) else {
                streams.warn("warning: this server does not support /api/v1/me; the token was stored without being checked")
                return (token, Identity(user: .init(), type: .apiToken, environment: credential.tokenEnvironment ?? .live,
                                        permissions: [], expiresAt: nil,
                                        token: .init(id: nil, name: nil, prefix: String(token.prefix(TokenFormat.livePrefix.count + 4)))))
            }
            identity = fetched
        } catch {
            if case .api(let api) = error, api.status == 401 {
                throw .badCredential("the server rejected this API token (\(api.message)): it is unknown, revoked or expired")
            }
            throw error
        }
        guard identity.type == .apiToken else {
            throw .malformedResponse("/api/v1/me calls an API token a \(identity.type.rawValue)", requestID: nil)
        }
        return (token, identity)
    }

    // MARK: Replacing a login

    /// The profile had a session: end it on the server, best effort (it was replaced anyway).
    static func endReplacedSession(_ secret: String, apiURL: String, auth: AuthAccess) {
        let credential = Credential(secret: secret, kind: .session, source: .keyring, facts: nil)
        guard let client = try? auth.client(baseURL: apiURL, credential: credential, testEnvironment: false) else { return }
        _ = try? client.post("/auth/logout")
    }
}

extension OptionKey where Self == ValueOption {
    static var email: Self { .value("email", .string, valueName: "email", help: "Account email (asked on a terminal when left out)") }
}

extension OptionKey where Self == FlagOption {
    static var passwordStdin: Self { .flag("password-stdin", help: "Read the password from standard input") }
    static var withToken: Self { .flag("with-token", help: "Read an API token (nsx_live_… or nsx_test_…) from standard input") }
    static var insecureStorage: Self { .flag("insecure-storage", help: "Keep the secret in a 0600 file instead of the keyring") }
}
