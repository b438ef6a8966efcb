#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RFC 3339 timestamps shown to people as "3 minutes ago" or "in 2 hours".
enum RelativeTime {
    /// "3 minutes ago", "in 2 hours", "just now"; nil when `timestamp` is not RFC 3339.
    static func describe(_ timestamp: String, now: Date) -> String? {
        guard let seconds = parseRFC3339(timestamp) else { return nil }
        return describe(interval: seconds - now.timeIntervalSince1970)
    }

    /// `interval` is the time from now to the moment: negative in the past.
    static func describe(interval: Double) -> String {
        let magnitude = abs(interval)
        guard magnitude >= 60 else { return "just now" }
        let units: [(limit: Double, size: Double, name: String)] = [
            (3600, 60, "minute"),
            (86400, 3600, "hour"),
            (86400 * 30, 86400, "day"),
            (86400 * 365, 86400 * 30, "month"),
            (.infinity, 86400 * 365, "year"),
        ]
        let unit = units.first { magnitude < $0.limit }!
        let count = Int(magnitude / unit.size)
        let phrase = "\(count) \(unit.name)\(count == 1 ? "" : "s")"
        return interval < 0 ? "\(phrase) ago" : "in \(phrase)"
    }

    /// Seconds since 1970 for `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    static func parseRFC3339(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var position = 0

        func number(_ digits: Int) -> Int? {
            guard position + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<(position + digits)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += digits
            return value
        }
        func expect(_ allowed: String) -> Bool {
            guard position < bytes.count, allowed.utf8.contains(bytes[position]) else { return false }
            position += 1
            return true
        }

        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              expect("Tt "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
              let second = number(2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return nil }

        var fraction = 0.0
        if expect(".") {
            var scale = 0.1
            let start = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                fraction += Double(bytes[position] - UInt8(ascii: "0")) * scale
                scale /= 10
                position += 1
            }
            guard position > start else { return nil }
        }

        var offsetSeconds = 0
        if expect("Zz") {
            offsetSeconds = 0
        } else if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
            position += 1
            guard let offsetHours = number(2), expect(":"), let offsetMinutes = number(2) else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard position == bytes.count else { return nil }

        let days = daysSinceEpoch(year: year, month: month, day: day)
        let local = Double(days * 86400 + hour * 3600 + minute * 60 + second) + fraction
        return local - Double(offsetSeconds)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}
