import NSXTime

/// Reads a `Retry-After` value: delta seconds, or an HTTP date (RFC 9110 §10.2.3) in any
/// of the three forms recipients must accept.
enum RetryAfter {
    /// The wait the server asked for, seen from `now`; a date in the past means "now".
    /// Nil when the value is neither form.
    static func delay(_ value: String, now: Timestamp) -> Duration? {
        let text = value.trimmingBlanks()
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // Absurdly long numbers are still "too long", not unreadable.
            return .seconds(Int(text) ?? Int(Int32.max))
        }
        guard let date = Timestamp(httpDate: text) else { return nil }
        return .seconds(max(0, date.seconds - now.seconds))
    }
}
