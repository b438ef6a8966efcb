import Foundation
@testable import NSXOutput
import Testing

@Suite("Times and sizes for people")
struct TimeAndSizeTests {
    @Test("a timestamp is described relative to the options' now")
    func relativeToNow() {
        let output = Fixtures.list([["when": "2024-01-16T12:27:00Z"], ["when": "2024-01-16T14:30:00Z"]],
                                   Fixtures.options(.table, terminal: true), columns: [Column("when", style: .time)])
        #expect(output == "WHEN\n3 minutes ago\nin 2 hours\n")
    }

    @Test("31 February is not a time, so it is shown as given")
    func impossibleDate() {
        let output = Fixtures.list([["when": "2024-02-31T12:00:00Z"]], Fixtures.options(.table, terminal: true),
                                   columns: [Column("when", style: .time)])
        #expect(output == "WHEN\n2024-02-31T12:00:00Z\n")
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
