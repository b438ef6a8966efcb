import NSXCommandLine
import NSXJSON
import NSXOutput
import NSXTime

/// `nsx auth refresh`: renews the stored session now (`POST /auth/refresh`) and keeps the
/// new one in place of the old. The old session stays valid until its own expiry (docs/openapi.yaml, /auth/refresh).
/// API tokens are not renewed but rotated (`nsx tokens rotate`), and a session from
/// NSX_TOKEN is not nsx's to replace.
enum AuthRefresh: Verb {
    static let spec = NSXCommand(
        "refresh", summary: "Renew the session now",
        discussion: """
            Sessions last 24 hours and are renewed automatically in their last hour.
            API tokens are not renewed; replace one with nsx tokens rotate. With -o json
            the new session's profile, api_url, type and expires_at are printed (never
            the secret).
            """,
        action: runner)

    static func run(_ words: Void, _ auth: AuthAccess) throws(CLIError) {
        guard let credential = try auth.credential() else {
            throw .notLoggedIn(profile: auth.profile)
        }
        switch (credential.kind, credential.source) {
        case (.apiToken, _):
            throw .usage("API tokens are not refreshed; they are rotated",
                         hint: "Run `\(auth.printer.suggestions.nsx("tokens rotate \(credential.facts?.tokenID ?? "ID")"))` for a new token that replaces this one.")
        case (.session, .env):
            throw .usage("the session in NSX_TOKEN is not stored by nsx, so nsx cannot replace it",
                         hint: "Run `\(auth.printer.suggestions.nsx("login"))` to store a session, or renew yours with `nsx api POST /auth/refresh`.")
        case (.session, _):
            break
        }
        var apiURL = credential.facts?.apiURL ?? ""
        if apiURL.isEmpty { apiURL = APIURL.normalized(try auth.apiURL()) }
        let client = try auth.client(baseURL: apiURL, credential: credential)
        let expiresAt = try auth.sessions.renew(credential, client: client)
        let printer = auth.printer
        if !printer.isForPeople {
            // For scripts, the renewed session's facts (never the secret).
            let facts: JSONValue = .object(JSONObject([
                ("profile", .string(auth.profile)), ("api_url", .string(apiURL)), ("type", .string("session")),
                ("expires_at", expiresAt.map(JSONValue.string) ?? .null),
            ]))
            return try printer.object(facts, columns: [], fields: ["profile", "api_url", "type", "expires_at"])
        }
        let until = expiresAt.flatMap(Timestamp.init(rfc3339:)).map { "; it expires \(RelativeTime.spoken($0, now: auth.clock.now())) (\(expiresAt!))" } ?? ""
        printer.noteDone("Renewed the session of profile \(auth.profile)\(until)")
    }
}
