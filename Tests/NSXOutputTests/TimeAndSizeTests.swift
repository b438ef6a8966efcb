import Foundation
@testable import NSXOutput
import Testing

@Suite("Times and sizes for people")
struct TimeAndSizeTests {
    @Test("RFC 3339 timestamps parse to the right instant", arguments: [
        ("2024-01-16T10:30:00Z", 1_705_401_000.0),
        ("1970-01-01T00:00:00Z", 0),
        ("2024-01-16t10:30:00z", 1_705_401_000),
        ("2024-01-16 10:30:00Z", 1_705_401_000),
        ("2024-01-16T10:30:00.250Z", 1_705_401_000.25),
        ("2024-01-16T12:30:00+02:00", 1_705_401_000),
        ("2024-01-16T05:00:00-05:30", 1_705_401_000),
        ("2000-02-29T00:00:00Z", 951_782_400),
        ("1969-12-31T23:59:59Z", -1),
    ] as [(String, Double)])
    func parses(text: String, seconds: Double) {
        #expect(RelativeTime.parseRFC3339(text) == seconds)
    }

    @Test("anything else is not a timestamp", arguments: [
        "", "2024-01-16", "2024-01-16T10:30:00", "2024-13-01T00:00:00Z", "2024-01-16T25:00:00Z",
        "2024-01-16T10:30:00.Z", "2024-01-16T10:30:00+0200", "yesterday", "2024-01-16T10:30:00Zjunk",
    ] as [String])
    func rejects(text: String) {
        #expect(RelativeTime.parseRFC3339(text) == nil)
    }

    @Test("relative descriptions in the past and the future", arguments: [
        (0.0, "just now"), (-59, "just now"), (30, "just now"),
        (-60, "1 minute ago"), (-180, "3 minutes ago"), (7_200, "in 2 hours"), (-3_599, "59 minutes ago"),
        (-86_400, "1 day ago"), (86_400 * 3, "in 3 days"), (-86_400 * 45, "1 month ago"),
        (-86_400 * 400, "1 year ago"), (86_400 * 365 * 3, "in 3 years"),
    ] as [(Double, String)])
    func relative(interval: Double, expected: String) {
        #expect(RelativeTime.describe(interval: interval) == expected)
    }

    @Test("a timestamp is described relative to the options' now")
    func relativeToNow() {
        #expect(RelativeTime.describe("2024-01-16T12:27:00Z", now: Fixtures.now) == "3 minutes ago")
        #expect(RelativeTime.describe("2024-01-16T14:30:00Z", now: Fixtures.now) == "in 2 hours")
        #expect(RelativeTime.describe("soon", now: Fixtures.now) == nil)
    }

    @Test("an unparseable time is shown as given on a terminal")
    func unparseableTime() {
        let output = Fixtures.list([["when": "soon"]], Fixtures.options(.table, terminal: true), columns: [Column("when", style: .time)])
        #expect(output == "WHEN\nsoon\n")
    }

    @Test("byte counts in binary units", arguments: [
        (0.0, "0 B"), (512, "512 B"), (1023, "1023 B"), (1024, "1 KiB"), (1536, "1.5 KiB"),
        (10_485_760, "10 MiB"), (21_474_836_480, "20 GiB"), (1_649_267_441_664, "1.5 TiB"),
    ] as [(Double, String)])
    func bytes(count: Double, expected: String) {
        #expect(ByteCount.describe(count) == expected)
    }
}
