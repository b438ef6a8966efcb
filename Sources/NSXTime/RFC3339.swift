/// RFC 3339 (§5.6) timestamps: `2024-01-16T10:30:00Z`, `2024-01-16t10:30:00.25+02:00`.
///
/// Read strictly, as the RFC's grammar has it: every field in range, the day real in its month
/// (no 31 February; Foundation would roll it into March), `T` and `Z` in either case, an offset
/// of ±HH:MM or Z. A leap second (`:60`) reads as `:59`.
extension Timestamp {
    public init?(rfc3339 text: String) {
        var reader = DigitReader(text)
        guard let date = Self.calendarDate(&reader), reader.expect("Tt"),
              let hour = reader.number(digits: 2), reader.expect(":"),
              let minute = reader.number(digits: 2), reader.expect(":"),
              let second = reader.number(digits: 2),
              hour < 24, minute < 60, second <= 60 else { return nil }
        var nanoseconds = 0
        if reader.expect(".") {
            let fraction = reader.digits()
            guard !fraction.isEmpty else { return nil }
            for (index, digit) in fraction.prefix(9).enumerated() {
                nanoseconds += Int(digit - UInt8(ascii: "0")) * Self.powersOfTen[8 - index]
            }
        }
        var offset = 0
        if reader.expect("Zz") {
            offset = 0
        } else if let sign = reader.next, reader.expect("+-") {
            guard let hours = reader.number(digits: 2), reader.expect(":"), let minutes = reader.number(digits: 2),
                  hours < 24, minutes < 60 else { return nil }
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3_600 + minutes * 60)
        } else {
            return nil
        }
        guard reader.atEnd else { return nil }
        self.init(date, secondsOfDay: hour * 3_600 + minute * 60 + min(second, 59) - offset, nanoseconds: nanoseconds)
    }

    /// `YYYY-MM-DD` alone, as `--expires 2027-01-31` takes it; nil unless it is a real day.
    public static func calendarDate(_ text: String) -> CivilDate? {
        var reader = DigitReader(text)
        guard let date = calendarDate(&reader), reader.atEnd else { return nil }
        return date
    }

    /// UTC with whole seconds, as the API writes times: `2024-01-16T10:30:00Z`.
    public var rfc3339: String {
        let date = self.date
        let time = secondsOfDay
        guard (0...9_999).contains(date.year) else { return Self.padded(date, time) }
        // Twenty ASCII bytes written in place: nsx-server writes two or three times into
        // every response and log line, and interpolating padded strings cost 5,000
        // instructions a time (docs/BENCHMARKS.md).
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, _ width: Int, at end: Int) {
                var value = value
                for index in stride(from: end - 1, through: end - width, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(date.year, 4, at: 4)
            buffer[4] = UInt8(ascii: "-")
            put(date.month, 2, at: 7)
            buffer[7] = UInt8(ascii: "-")
            put(date.day, 2, at: 10)
            buffer[10] = UInt8(ascii: "T")
            put(time / 3_600, 2, at: 13)
            buffer[13] = UInt8(ascii: ":")
            put(time / 60 % 60, 2, at: 16)
            buffer[16] = UInt8(ascii: ":")
            put(time % 60, 2, at: 19)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// Years outside 0–9999 (a sign, or more digits), written the general way.
    private static func padded(_ date: CivilDate, _ time: Int) -> String {
        "\(Self.pad(date.year, 4))-\(Self.pad(date.month, 2))-\(Self.pad(date.day, 2))"
            + "T\(Self.pad(time / 3_600, 2)):\(Self.pad(time / 60 % 60, 2)):\(Self.pad(time % 60, 2))Z"
    }

    private static func calendarDate(_ reader: inout DigitReader) -> CivilDate? {
        guard let year = reader.number(digits: 4), reader.expect("-"),
              let month = reader.number(digits: 2), reader.expect("-"),
              let day = reader.number(digits: 2) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    private static let powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
