import NSXOutput
import NSXTime

/// `nsx auth refresh`: renews the stored session now (`POST /auth/refresh`) and keeps the
/// new one in place of the old. The old session stays valid until its own expiry (API.md).
/// API tokens are not renewed but rotated (`nsx tokens rotate`), and a session from
/// NSX_TOKEN is not nsx's to replace.
enum AuthRefresh {
    static func run(_ invocation: Invocation) throws(CLIError) {
        let factory = invocation.factory
        guard let credential = try CredentialResolver(factory: factory).resolve(now: factory.clock.now()) else {
            throw .notLoggedIn(profile: factory.globals.profile)
        }
        switch (credential.kind, credential.source) {
        case (.apiToken, _):
            throw .usage("API tokens are not refreshed; they are rotated",
                         hint: "Run `nsx tokens rotate \(credential.facts?.tokenID ?? "ID")` for a new token that replaces this one.")
        case (.session, .env):
            throw .usage("the session in NSX_TOKEN is not stored by nsx, so nsx cannot replace it",
                         hint: "Run `nsx login` to store a session, or renew yours with `nsx api POST /auth/refresh`.")
        case (.session, _):
            break
        }
        var apiURL = credential.facts?.apiURL ?? ""
        if apiURL.isEmpty { apiURL = APIURL.normalized(try factory.apiURL()) }
        let client = APIClient(baseURL: apiURL,
                               http: try factory.httpClient(), credential: credential,
                               testEnvironment: factory.globals.testEnvironment)
        let expiresAt = try SessionKeeper(factory: factory).renew(credential, client: client)
        let style = invocation.streams.errStyle
        let until = expiresAt.flatMap(Timestamp.init(rfc3339:)).map { "; it expires \(RelativeTime.spoken($0, now: factory.clock.now())) (\(expiresAt!))" } ?? ""
        invocation.streams.warn("\(style.checkMark) Renewed the session of profile \(factory.globals.profile)\(until)")
    }
}
