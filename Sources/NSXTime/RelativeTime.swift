/// Moments and lengths of time in words, for people.
public enum RelativeTime {
    /// How a table cell reads a moment: "3 minutes ago", "in 2 hours", "just now" (under a
    /// minute either way), counting whole units up to years.
    public static func phrase(_ moment: Timestamp, now: Timestamp) -> String {
        let interval = (moment - now).inSeconds
        let magnitude = abs(interval)
        guard magnitude >= 60 else { return "just now" }
        let units: [(limit: Double, size: Double, name: String)] = [
            (3_600, 60, "minute"),
            (86_400, 3_600, "hour"),
            (86_400 * 30, 86_400, "day"),
            (86_400 * 365, 86_400 * 30, "month"),
            (.infinity, 86_400 * 365, "year"),
        ]
        let unit = units.first { magnitude < $0.limit }!
        let count = Int(magnitude / unit.size)
        let words = "\(count) \(unit.name)\(count == 1 ? "" : "s")"
        return interval < 0 ? "\(words) ago" : "in \(words)"
    }

    /// How messages read a moment: "in 3 hours", "2 days ago" — whole units passed, so
    /// 23 h 59 min is "23 hours" — in seconds, minutes, hours or days.
    public static func spoken(_ moment: Timestamp, now: Timestamp) -> String {
        let seconds = (moment - now).wholeSeconds
        return seconds >= 0 ? "in \(spoken(seconds: seconds))" : "\(spoken(seconds: -seconds)) ago"
    }

    /// A length of time as people say it: "1 second", "5 minutes", "3 hours", "30 days".
    public static func spoken(seconds: Int) -> String {
        switch seconds {
        case ..<60: return plural(seconds, "second")
        case ..<3_600: return plural(seconds / 60, "minute")
        case ..<86_400: return plural(seconds / 3_600, "hour")
        default: return plural(seconds / 86_400, "day")
        }
    }

    private static func plural(_ count: Int, _ unit: String) -> String {
        "\(count) \(unit)\(count == 1 ? "" : "s")"
    }
}
