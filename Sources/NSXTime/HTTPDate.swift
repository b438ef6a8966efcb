/// HTTP dates (RFC 9110 §5.6.7), as `Date` and `Retry-After` headers carry them.
///
/// Read in all three forms recipients must accept — `Sun, 06 Nov 1994 08:49:37 GMT`,
/// `Sunday, 06-Nov-94 08:49:37 GMT` and `Sun Nov  6 08:49:37 1994` — with the day real
/// in its month; written in the first (IMF-fixdate).
extension Timestamp {
    public init?(httpDate text: String) {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        guard (5...6).contains(tokens.count) else { return nil }
        var month: Int?, time: [Int]?, numbers: [String] = []
        for token in tokens.dropFirst() {  // the first is the weekday, which adds nothing
            if let index = Self.monthNames.firstIndex(where: { $0.lowercased() == token.lowercased() }) {
                month = index + 1
            } else if token.contains(":") {
                time = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) ?? -1 }
            } else if !token.isEmpty, token.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                numbers.append(token)
            } else if token != "GMT" {
                return nil
            }
        }
        guard let month, let time, time.count == 3, numbers.count == 2,
              let day = Int(numbers[0]), var year = Int(numbers[1]),
              (0...23).contains(time[0]), (0...59).contains(time[1]), (0...60).contains(time[2]) else { return nil }
        if numbers[1].count == 2 { year += year < 70 ? 2_000 : 1_900 }  // RFC 850's two-digit years
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        self.init(date, secondsOfDay: time[0] * 3_600 + time[1] * 60 + min(time[2], 59))
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    public var httpDate: String {
        let date = self.date
        let weekday = Self.weekdayNames[((date.daysSinceEpoch + 4) % 7 + 7) % 7]
        let time = secondsOfDay
        return "\(weekday), \(Self.pad(date.day, 2)) \(Self.monthNames[date.month - 1]) \(Self.pad(date.year, 4)) "
            + "\(Self.pad(time / 3_600, 2)):\(Self.pad(time / 60 % 60, 2)):\(Self.pad(time % 60, 2)) GMT"
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// 1970-01-01 was a Thursday: day 0 is index 4 from Sunday.
    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
}
