/// Reads a `Retry-After` value: delta seconds, or an HTTP date (RFC 9110 §10.2.3) in any
/// of the three formats recipients must accept.
enum RetryAfter {
    /// The wait the server asked for, seen from `now` (seconds since 1970); a date in the
    /// past means "now". Nil when the value is neither form.
    static func delay(_ value: String, now: Int) -> Duration? {
        let text = value.trimmingBlanks()
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // Absurdly long numbers are still "too long", not unreadable.
            return .seconds(Int(text) ?? Int(Int32.max))
        }
        guard let date = httpDate(text) else { return nil }
        return .seconds(max(0, date - now))
    }

    /// Seconds since 1970 for "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT"
    /// or "Sun Nov  6 08:49:37 1994". In all three the day comes before the year.
    static func httpDate(_ text: String) -> Int? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        guard (5...6).contains(tokens.count) else { return nil }
        var month: Int?, time: [Int]?, numbers: [String] = []
        for token in tokens.dropFirst() {  // the first is the weekday, which adds nothing
            if let index = months.firstIndex(of: token.lowercased()) {
                month = index + 1
            } else if token.contains(":") {
                time = token.split(separator: ":").compactMap { Int($0) }
            } else if token.allSatisfy(\.isNumber) {
                numbers.append(token)
            } else if token != "GMT" {
                return nil
            }
        }
        guard let month, let time, time.count == 3, numbers.count == 2,
              let day = Int(numbers[0]), var year = Int(numbers[1]),
              (1...31).contains(day), (0...23).contains(time[0]), (0...59).contains(time[1]), (0...60).contains(time[2])
        else { return nil }
        if numbers[1].count == 2 { year += year < 70 ? 2000 : 1900 }  // RFC 850's two-digit years
        return daysSince1970(year: year, month: month, day: day) * 86_400 + time[0] * 3_600 + time[1] * 60 + time[2]
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
