import NSXCommandLine
import NSXTime

/// `--expires`: when a new token stops working, as the API's `expires_at`.
///
/// - `never`: no expiry (the default).
/// - a duration from now: `30d`, `12h`, `90m`, `1d12h` (units s, m, h, d; a bare number
///   is refused, since "30" could mean anything).
/// - a date, `2027-01-31`: the token works through that whole day in UTC, so it expires at
///   `2027-01-31T23:59:59Z`.
/// - an RFC 3339 time, `2027-01-31T12:00:00Z` or with an offset (sent in UTC).
///
/// A moment that is not in the future is a usage error.
enum TokenExpiry {
    static let help = "30d, 12h, a date (2027-01-31, through its end in UTC), an RFC 3339 time, or never"

    /// The `expires_at` to send, or nil for a token that never expires.
    static func parse(_ text: String, now: Timestamp) throws(CLIError) -> String? {
        let word = text.trimmingWhitespace()
        if word.lowercased() == "never" { return nil }
        let moment: Timestamp
        if let seconds = duration(word) {
            guard seconds > 0 else { throw .usage("--expires \(word) is not in the future", hint: "Use \(help).") }
            moment = now + .seconds(seconds)
        } else if let day = Timestamp.calendarDate(word) {
            moment = Timestamp(day, secondsOfDay: 86_399)
        } else if let time = Timestamp(rfc3339: word) {
            moment = time
        } else if !word.isEmpty, word.allSatisfy(\.isNumber) {
            throw .usage("--expires \(word) needs a unit, e.g. \(word)d for days or \(word)h for hours")
        } else {
            throw .usage("invalid --expires \"\(word)\"", hint: "Use \(help).")
        }
        guard moment > now else {
            throw .usage("--expires \(word) is in the past (\(moment.rfc3339))", hint: "Use \(help).")
        }
        return moment.rfc3339
    }

    /// Seconds for `30d`, `12h`, `1d12h`; nil for anything else, bare numbers included.
    static func duration(_ word: String) -> Int? {
        guard let last = word.last, !last.isNumber else { return nil }
        return parseDuration(word)
    }
}
