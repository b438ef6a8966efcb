import NSXCommandLine
import NSXJSON
import NSXOutput
import NSXTime

/// `nsx auth status`: who nsx acts as, with which credential from where, on which
/// environment, with which permissions, until when. The credential is checked with
/// `GET /api/v1/me`. Exit 3 when there is none or the server rejects it; with `--json`
/// the object (`"authenticated": false`) is still printed first, for scripts.
enum AuthStatus: Verb {
    struct Report {
        var profile: String
        var apiURL: String
        var authenticated: Bool
        var source: Credential.Source?
        var identity: Identity?
        /// Shown from config.json because the server has no /api/v1/me.
        var unverified = false

        /// The documented shape for scripts (`nsx auth status --json`), and never the secret.
        var json: JSONValue {
            .object([
                "profile": .string(profile),
                "api_url": .string(apiURL),
                "authenticated": .bool(authenticated),
                "source": source.map { .string($0.rawValue) } ?? .null,
                "type": identity.map { .string($0.type.rawValue) } ?? .null,
                "environment": identity.map { .string($0.environment.rawValue) } ?? .null,
                "user": identity?.userJSON ?? .null,
                "permissions": .array((identity?.permissions ?? []).map(JSONValue.string)),
                "expires_at": identity?.expiresAt.map(JSONValue.string) ?? .null,
                "token": identity?.tokenJSON ?? .null,
            ])
        }
    }

    static let spec = NSXCommand(
        "status", summary: "Show who you are logged in as, and how",
        discussion: """
            Checks the credential with the server (GET /api/v1/me). Exit 3 when there is
            no credential or the server rejects it; with --json the object, with
            "authenticated": false, is printed all the same.
            """,
        examples: [Example("nsx auth status"), Example("nsx auth status --json | jq .permissions")],
        action: runner)

    static func run(_ words: Void, _ auth: AuthAccess) throws(CLIError) {
        let now = auth.clock.now()
        let profile = auth.profile
        var report = Report(profile: profile, apiURL: APIURL.normalized(try auth.apiURL()), authenticated: false)

        let credential: Credential?
        do {
            credential = try auth.credential()
        } catch {
            try fail(with: error, report: report, printer: auth.printer)
        }
        guard let credential else {
            try fail(with: .notLoggedIn(profile: profile), report: report, printer: auth.printer)
        }
        report.source = credential.source
        report.identity = credential.facts.map(Identity.init(facts:))

        do {
            let client = try auth.api.client(.renewIfDue)
            if let identity = try Identity.fetch(client) {
                report.identity = identity
                // A session renewed on the way (within its last hour) has a new expiry.
                if identity.type == .session, let renewed = try client.credential?.sessionExpiry {
                    report.identity?.expiresAt = renewed.rfc3339
                }
            } else {
                report.unverified = true
                if report.identity == nil {
                    report.identity = Identity(user: .init(), type: credential.kind,
                                               environment: try client.environment,
                                               permissions: [], expiresAt: credential.sessionExpiry?.rfc3339, token: nil)
                }
            }
        } catch {
            if case .api(let api) = error, api.status == 401 {
                try fail(with: .badCredential(rejectionMessage(credential, api: api)), report: report, printer: auth.printer)
            }
            if case .sessionExpired = error { try fail(with: error, report: report, printer: auth.printer) }
            throw error
        }
        report.authenticated = true
        try print(report, printer: auth.printer, now: now)
    }

    static func rejectionMessage(_ credential: Credential, api: APIError) -> String {
        let what = credential.source == .env ? "the credential in NSX_TOKEN" : "the stored \(credential.kind == .session ? "session" : "API token")"
        return "the server rejected \(what): \(api.message)"
    }

    /// With `--json` the not-authenticated object still goes to stdout; then the error.
    static func fail(with error: CLIError, report: Report, printer: Printer) throws(CLIError) -> Never {
        if !printer.isForPeople {
            try printer.object(report.json, columns: [], fields: fieldNames)
        }
        throw error
    }

    static let fieldNames = ["profile", "api_url", "authenticated", "source", "type", "environment", "user", "permissions", "expires_at", "token"]

    static func print(_ report: Report, printer: Printer, now: Timestamp) throws(CLIError) {
        guard printer.showsOwnView else {
            try printer.object(report.json, columns: [], fields: fieldNames)
            warnIfExpiring(report, printer: printer, now: now)
            return
        }
        printer.block(block(report, now: now))
        if report.unverified {
            printer.streams.warn("note: this server does not support /api/v1/me; showing what was stored at login, unverified")
        }
        warnIfExpiring(report, printer: printer, now: now)
    }

    /// `Profile:  default`, `User:  Test User (…) usr_…`, … for people.
    static func block(_ report: Report, now: Timestamp) -> DetailBlock {
        func row(_ label: String, _ value: StyledText) -> DetailBlock.Row { DetailBlock.Row(StyledText(label + ":"), value) }
        var rows = [row("Profile", StyledText(report.profile)), row("API URL", StyledText(report.apiURL))]
        guard let identity = report.identity else { return DetailBlock(rows) }
        var user = StyledText(identity.userDescription)
        if let id = identity.user.id { user = user + StyledText(" ") + StyledText(id, .dim) }
        rows.append(row("User", user))
        let source: String = switch report.source {
        case .env: "NSX_TOKEN"
        case .file: "the credentials file (--insecure-storage)"
        case .keyring, nil: "the keyring"
        }
        rows.append(row("Credential", StyledText("\(identity.type == .session ? "session" : "API token") from \(source)")))
        if let token = identity.token {
            let parts = [token.name, token.id, token.prefix.map { $0 + "…" }].compactMap { $0 }
            rows.append(row("Token", StyledText(parts.joined(separator: " · "))))
        }
        rows.append(row("Environment", AuthText.badge(identity.environment)))
        rows.append(row("Permissions", StyledText(identity.permissions.isEmpty
                                                     ? (report.unverified ? "unknown" : "none")
                                                     : Permission.compact(identity.permissions))))
        let expiry = AuthText.expiry(identity.expiresAt, kind: identity.type, now: now)
        rows.append(row("Expires", expiry.warn ? StyledText(expiry.text, .yellow) : StyledText(expiry.text)))
        return DetailBlock(rows)
    }

    static func warnIfExpiring(_ report: Report, printer: Printer, now: Timestamp) {
        guard let identity = report.identity else { return }
        let expiry = AuthText.expiry(identity.expiresAt, kind: identity.type, now: now)
        guard expiry.warn, !expiry.expired else { return }
        let commands = printer.suggestions
        let fix = identity.type == .session
            ? "run `\(commands.nsx("auth refresh"))` or `\(commands.nsx("login"))`"
            : "replace it with `\(commands.nsx("tokens rotate \(identity.token?.id ?? "ID")"))`"
        printer.warn("the credential expires \(expiry.text); \(fix)")
    }
}
