import NSXTime
import Testing

@Suite("Time in words")
struct RelativeTimeTests {
    static let now = Timestamp(seconds: 1_705_415_400)  // 2024-01-16T14:30:00Z

    @Test("moments in a table, past and future", arguments: [
        (0, "just now"), (-59, "just now"), (30, "just now"),
        (-60, "1 minute ago"), (-180, "3 minutes ago"), (7_200, "in 2 hours"), (-3_599, "1 hour ago"),
        (-86_400, "24 hours ago"), (86_400 * 3, "in 3 days"), (-86_400 * 45, "45 days ago"), (-86_400 * 46, "2 months ago"),
        (-86_400 * 400, "1 year ago"), (86_400 * 365 * 3, "in 3 years"),
    ] as [(Int, String)])
    func phrase(offset: Int, expected: String) {
        #expect(RelativeTime.phrase(Timestamp(seconds: Self.now.seconds + offset), now: Self.now) == expected)
    }

    @Test("moments in messages round to the nearest unit", arguments: [
        (86_399, "in 24 hours"), (3_600, "in 1 hour"), (-120, "2 minutes ago"), (0, "in 0 seconds"),
        (86_400 * 30, "in 30 days"), (86_400 * 30 - 5, "in 30 days"), (-1, "1 second ago"),
        (86_400 * 2_358, "in 6 years"), (86_400 * 60, "in 2 months"), (86_400 * 350, "in 11 months"), (86_400 * 351, "in 1 year"),
    ] as [(Int, String)])
    func spoken(offset: Int, expected: String) {
        #expect(RelativeTime.spoken(Timestamp(seconds: Self.now.seconds + offset), now: Self.now) == expected)
    }

    @Test("fractions of a second round too")
    func fractions() {
        #expect(RelativeTime.spoken(Timestamp(seconds: Self.now.seconds - 2, nanoseconds: 500_000_000), now: Self.now) == "2 seconds ago")
        #expect(RelativeTime.spoken(Timestamp(seconds: Self.now.seconds, nanoseconds: 400_000_000), now: Self.now) == "in 0 seconds")
    }

    @Test("lengths of time", arguments: [
        (1, "1 second"), (59, "59 seconds"), (60, "1 minute"), (90, "2 minutes"), (300, "5 minutes"), (3_600, "1 hour"),
        (7_199, "2 hours"), (86_400, "24 hours"), (129_600, "2 days"), (2_592_000, "30 days"),
    ] as [(Int, String)])
    func lengths(seconds: Int, expected: String) {
        #expect(RelativeTime.spoken(seconds: seconds) == expected)
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test("arithmetic with durations")
    func arithmetic() {
        let start = Timestamp(seconds: 100, nanoseconds: 900_000_000)
        #expect(start + .milliseconds(200) == Timestamp(seconds: 101, nanoseconds: 100_000_000))
        #expect(start - .seconds(101) == Timestamp(seconds: -1, nanoseconds: 900_000_000))
        #expect((Timestamp(seconds: 160) - Timestamp(seconds: 100)).wholeSeconds == 60)
        #expect(Timestamp(seconds: 1) > Timestamp(seconds: 0, nanoseconds: 999_999_999))
        #expect(Timestamp(seconds: -1).date == CivilDate(year: 1969, month: 12, day: 31))
        #expect(Timestamp(seconds: -1).secondsOfDay == 86_399)
    }

    @Test("a fixed clock stands still")
    func fixedClock() {
        let clock = WallClock.fixed(Timestamp(seconds: 42))
        #expect(clock.now() == Timestamp(seconds: 42))
        #expect(WallClock.system.now() > Timestamp(rfc3339: "2024-01-01T00:00:00Z")!)
    }
}
