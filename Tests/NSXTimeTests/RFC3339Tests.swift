import NSXTime
import Testing

@Suite("RFC 3339")
struct RFC3339Tests {
    @Test("timestamps read to the right instant", arguments: [
        ("2024-01-16T10:30:00Z", 1_705_401_000, 0),
        ("1970-01-01T00:00:00Z", 0, 0),
        ("2024-01-16t10:30:00z", 1_705_401_000, 0),
        ("2024-01-16T10:30:00.250Z", 1_705_401_000, 250_000_000),
        ("2024-01-16T10:30:00.123456789123Z", 1_705_401_000, 123_456_789),
        ("2024-01-16T12:30:00+02:00", 1_705_401_000, 0),
        ("2024-01-16T05:00:00-05:30", 1_705_401_000, 0),
        ("2000-02-29T00:00:00Z", 951_782_400, 0),
        ("1969-12-31T23:59:59Z", -1, 0),
        ("2016-12-31T23:59:60Z", 1_483_228_799, 0),
    ] as [(String, Int, Int)])
    func reads(text: String, seconds: Int, nanoseconds: Int) throws {
        let moment = try #require(Timestamp(rfc3339: text))
        #expect(moment.seconds == seconds)
        #expect(moment.nanoseconds == nanoseconds)
    }

    @Test("anything else is not a timestamp, 31 February included", arguments: [
        "", "2024-01-16", "2024-01-16T10:30:00", "2024-13-01T00:00:00Z", "2024-01-16T25:00:00Z",
        "2024-01-16T10:30:00.Z", "2024-01-16T10:30:00+0200", "yesterday", "2024-01-16T10:30:00Zjunk",
        "2024-02-31T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-00T00:00:00Z",
        "2024-01-16T10:61:00Z", "2024-01-16T10:30:61Z", "2024-01-16T10:30:00+24:00", "2024-01-16T10:30:00+02:60",
        "2024-01-16 10:30:00Z", "2024-1-16T10:30:00Z", "+2024-01-16T10:30:00Z",
    ] as [String])
    func rejects(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("written in UTC with whole seconds", arguments: [
        (1_705_401_000, "2024-01-16T10:30:00Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ] as [(Int, String)])
    func writes(seconds: Int, text: String) {
        #expect(Timestamp(seconds: seconds, nanoseconds: 999_999_999).rfc3339 == text)
        #expect(Timestamp(rfc3339: text)?.seconds == seconds)
    }

    @Test("a calendar date alone must be a real day")
    func calendarDates() {
        #expect(Timestamp.calendarDate("2028-02-29") == CivilDate(year: 2028, month: 2, day: 29))
        for text in ["2027-02-29", "2027-02-31", "2027-1-1", "2027-01-31T00:00:00Z", "20270131", ""] {
            #expect(Timestamp.calendarDate(text) == nil, "\(text)")
        }
    }
}

@Suite("Civil dates")
struct CivilDateTests {
    @Test("days since 1970 round-trip over four centuries")
    func roundTrip() {
        for days in stride(from: -150_000, through: 150_000, by: 97) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test("only real days exist")
    func realDays() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2024, month: 2, day: 31) == nil)
        #expect(CivilDate(year: 2024, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2024, month: 6, day: 31) == nil)
    }
}
