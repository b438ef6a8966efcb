#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NSXOutput

/// Words the auth commands share: the LIVE/TEST badge, expiry in plain language.
enum AuthText {
    /// `LIVE` (red, bold) or `TEST` (cyan, bold): which resources a credential acts on.
    static func badge(_ environment: String, style: Style) -> String {
        environment == "test" ? style.bold(style.cyan("TEST")) : style.bold(style.red("LIVE"))
    }

    /// "in 3 hours", "2 days ago".
    static func relative(_ date: Date, now: Date = Date()) -> String {
        let seconds = Int(date.timeIntervalSince(now))  // whole units passed: 23 h 59 min is "23 hours"
        return seconds >= 0 ? "in \(Durations.spoken(seconds: seconds))" : "\(Durations.spoken(seconds: -seconds)) ago"
    }

    /// How long until `expiresAt`, and whether that deserves a warning: an API token under
    /// 24 hours from its end; a session (24 hours long, renewed automatically in its last
    /// hour) only inside that last hour, when renewing has evidently not worked.
    static func expiry(_ expiresAt: String?, kind: Credential.Kind, now: Date = Date()) -> (text: String, warn: Bool, expired: Bool) {
        guard let expiresAt, let date = Timestamps.parse(expiresAt) else {
            return (kind == .session ? "unknown" : "never", false, false)
        }
        let left = date.timeIntervalSince(now)
        if left <= 0 { return ("expired \(relative(date, now: now)) (\(expiresAt))", true, true) }
        let window = kind == .session ? SessionKeeper.renewalWindow : 86_400
        return ("\(relative(date, now: now)) (\(expiresAt))", left < window, false)
    }
}
