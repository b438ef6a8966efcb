#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NSXCommandLine

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
    static func parse(_ text: String, now: Date = Date()) throws(CLIError) -> String? {
        let word = text.trimmingWhitespace()
        if word.lowercased() == "never" { return nil }
        let moment: Date
        if let seconds = duration(word) {
            guard seconds > 0 else { throw .usage("--expires \(word) is not in the future", hint: "Use \(help).") }
            moment = now.addingTimeInterval(TimeInterval(seconds))
        } else if let endOfDay = date(word) {
            moment = endOfDay
        } else if let time = rfc3339(word) {
            moment = time
        } else if !word.isEmpty, word.allSatisfy(\.isNumber) {
            throw .usage("--expires \(word) needs a unit, e.g. \(word)d for days or \(word)h for hours")
        } else {
            throw .usage("invalid --expires \"\(word)\"", hint: "Use \(help).")
        }
        guard moment > now else {
            throw .usage("--expires \(word) is in the past (\(Timestamps.rfc3339(moment)))", hint: "Use \(help).")
        }
        return Timestamps.rfc3339(moment)
    }

    /// Seconds for `30d`, `12h`, `1d12h`; nil for anything else, bare numbers included.
    static func duration(_ word: String) -> Int? {
        guard let last = word.last, !last.isNumber else { return nil }
        return parseDuration(word)
    }

    /// `YYYY-MM-DD` → 23:59:59 UTC of that day.
    static func date(_ word: String) -> Date? {
        let bytes = Array(word.utf8)
        guard bytes.count == 10, calendarDate(bytes) != nil else { return nil }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(word + "T23:59:59Z")
    }

    /// A strict RFC 3339 time: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, every field in range
    /// (Foundation alone would roll `02-30` over into March).
    static func rfc3339(_ word: String) -> Date? {
        let bytes = Array(word.utf8)
        guard bytes.count >= 20, calendarDate(Array(bytes[0..<10])) != nil,
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              let hour = digits(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
              let minute = digits(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
              let second = digits(bytes, 17, 2),
              hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, let offsetHours = digits(bytes, index + 1, 2),
                  bytes[index + 3] == UInt8(ascii: ":"), let offsetMinutes = digits(bytes, index + 4, 2),
                  offsetHours < 24, offsetMinutes < 60 else { return nil }
        default:
            return nil
        }
        var normalised = bytes
        normalised[10] = UInt8(ascii: "T")
        if normalised[normalised.count - 1] == UInt8(ascii: "z") { normalised[normalised.count - 1] = UInt8(ascii: "Z") }
        return Timestamps.parse(String(decoding: normalised, as: UTF8.self))
    }

    private static func calendarDate(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        guard bytes.count == 10, let year = digits(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
              let month = digits(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"), let day = digits(bytes, 8, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
