import NSXCommandLine
import Testing

struct ValueKindTests {
    @Test(arguments: [
        ("30s", 30), ("5m", 300), ("2h", 7_200), ("7d", 604_800), ("1h30m", 5_400), ("1d2h3m4s", 93_784),
        ("90", 90), ("0", 0), ("0s", 0),
    ])
    func durationsInSeconds(_ text: String, _ seconds: Int) {
        #expect(parseDuration(text) == seconds)
    }

    @Test(arguments: ["", "s", "5x", "-5m", "+5m", "5 m", "5m5m", "1.5h", "m5", "5mm", "99999999999999999999d", "106751991167301d"])
    func rejectsMalformedDurations(_ text: String) {
        #expect(parseDuration(text) == nil)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var kind: ValueKind
        var accepted: [String]
        var rejected: [String]
        var expectation: String
        var testDescription: String { expectation }
    }

    @Test(arguments: [
        Case(kind: .string, accepted: ["", "x", "-"], rejected: [], expectation: "a string"),
        Case(kind: .integer, accepted: ["0", "-7", "+7", "9223372036854775807"], rejected: ["", "1.0", "x", " 1", "9223372036854775808"],
             expectation: "an integer"),
        Case(kind: .integer(1...100), accepted: ["1", "100"], rejected: ["0", "101", "abc"], expectation: "an integer from 1 to 100"),
        Case(kind: .integer(1...Int.max), accepted: ["1"], rejected: ["0"], expectation: "an integer of at least 1"),
        Case(kind: .integer(Int.min...0), accepted: ["0", "-1"], rejected: ["1"], expectation: "an integer of at most 0"),
        Case(kind: .number, accepted: ["1", "0.5", "-2.25", "1e3"], rejected: ["", "x", "nan", "inf", "1,5"], expectation: "a number"),
        Case(kind: .number(0.1...3_600), accepted: ["0.1", "3600", "1e2"], rejected: ["0", "0.09", "3600.5", "-1", "nan"],
             expectation: "a number from 0.1 to 3600"),
        Case(kind: .number(0...Double.greatestFiniteMagnitude), accepted: ["0", "1e300"], rejected: ["-0.5"],
             expectation: "a number of at least 0"),
        Case(kind: .duration, accepted: ["30s", "90"], rejected: ["soon"], expectation: "a duration such as 30s, 5m, 2h or 7d"),
        Case(kind: .choice(["a", "b"]), accepted: ["a", "b"], rejected: ["A", "c", ""], expectation: "one of a, b"),
        Case(kind: .path, accepted: ["-", "/tmp/x", "rel"], rejected: [""], expectation: "a path"),
    ])
    func acceptsAndDescribes(_ testCase: Case) {
        for text in testCase.accepted { #expect(testCase.kind.accepts(text), "\(text)") }
        for text in testCase.rejected { #expect(!testCase.kind.accepts(text), "\(text)") }
        #expect(testCase.kind.expectation == testCase.expectation)
    }
}
