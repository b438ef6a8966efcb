/// Moments and lengths of time in words, for people: to the nearest unit (a fresh 24-hour
/// session expires "in 24 hours", a 30-day token "in 30 days"), in the unit that reads best —
/// seconds, minutes, hours up to a day and a half, days up to a month and a half, then months
/// and years ("in 6 years", never "in 2358 days").
public enum RelativeTime {
    /// How a table cell reads a moment: "3 minutes ago", "in 2 hours", and "just now" under a
    /// minute either way.
    public static func phrase(_ moment: Timestamp, now: Timestamp) -> String {
        abs((moment - now).inSeconds) < 60 ? "just now" : spoken(moment, now: now)
    }

    /// How messages read a moment: "in 3 hours", "2 days ago".
    public static func spoken(_ moment: Timestamp, now: Timestamp) -> String {
        let interval = (moment - now).inSeconds
        let words = length(abs(interval))
        return interval >= 0 ? "in \(words)" : "\(words) ago"
    }

    /// A length of time as people say it: "1 second", "5 minutes", "3 hours", "30 days".
    public static func spoken(seconds: Int) -> String {
        length(Double(seconds))
    }

    private static let minute = 60.0, hour = 3_600.0, day = 86_400.0
    private static let year = 365.2425 * day, month = year / 12

    /// Each unit serves while its count, rounded, is below where the next unit reads better.
    private static let units: [(name: String, size: Double, below: Double)] = [
        ("second", 1, 59.5),
        ("minute", minute, 59.5 * minute),
        ("hour", hour, 35.5 * hour),
        ("day", day, 45.5 * day),
        ("month", month, 11.5 * month),
        ("year", year, .infinity),
    ]

    private static func length(_ seconds: Double) -> String {
        let unit = units.first { seconds < $0.below }!
        let count = Int((seconds / unit.size).rounded())
        return "\(count) \(unit.name)\(count == 1 ? "" : "s")"
    }
}
