import NSXConfig
import NSXOutput
import NSXTime

/// Words the auth commands share: the LIVE/TEST badge, expiry in plain language.
enum AuthText {
    /// `LIVE` (red, bold) or `TEST` (cyan, bold): which resources a credential acts on.
    static func badge(_ environment: APIEnvironment) -> StyledText {
        environment == .test ? StyledText("TEST", .bold, .cyan) : StyledText("LIVE", .bold, .red)
    }

    /// How long until `expiresAt`, and whether that deserves a warning: an API token under
    /// 24 hours from its end; a session (24 hours long, renewed automatically in its last
    /// hour) only inside that last hour, when renewing has evidently not worked.
    static func expiry(_ expiresAt: String?, kind: Credential.Kind, now: Timestamp) -> (text: String, warn: Bool, expired: Bool) {
        guard let expiresAt, let moment = Timestamp(rfc3339: expiresAt) else {
            return (kind == .session ? "unknown" : "never", false, false)
        }
        let left = moment - now
        if left <= .zero { return ("expired \(RelativeTime.spoken(moment, now: now)) (\(expiresAt))", true, true) }
        let window = kind == .session ? SessionKeeper.renewalWindow : .seconds(86_400)
        return ("\(RelativeTime.spoken(moment, now: now)) (\(expiresAt))", left < window, false)
    }
}
