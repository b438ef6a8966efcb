@testable import NSXCommandLine
import Testing

struct ClosestMatchTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var word: String
        var candidates: [String]
        var expected: String?
        var testDescription: String { "\(word) in \(candidates)" }
    }

    @Test(arguments: [
        Case(word: "sevrers", candidates: ["servers", "settings"], expected: "servers"),  // one swap
        Case(word: "lst", candidates: ["list", "get"], expected: "list"),                 // one deletion
        Case(word: "jsn", candidates: ["json", "yaml"], expected: "json"),
        Case(word: "serv", candidates: ["settings", "servers"], expected: "servers"),      // prefix
        Case(word: "Servers", candidates: ["servers"], expected: "servers"),              // case ignored
        Case(word: "delte", candidates: ["create", "delete"], expected: "delete"),
        Case(word: "instnaces", candidates: ["instances", "backups"], expected: "instances"),
        Case(word: "xyzzy", candidates: ["servers", "tokens"], expected: nil),
        Case(word: "ab", candidates: ["xy"], expected: nil),                               // 2 edits for a short word
        Case(word: "abcdefgh", candidates: ["abcdxxxx"], expected: nil),                  // 4 edits is too many
        Case(word: "abcdefgh", candidates: ["abcdexxx"], expected: "abcdexxx"),           // 3 edits for 8 letters
        Case(word: "lis", candidates: ["list", "lists"], expected: "list"),                // nearest wins
        Case(word: "get", candidates: ["set", "pet"], expected: "set"),                   // ties: first
        Case(word: "", candidates: ["a"], expected: nil),
        Case(word: "a", candidates: [], expected: nil),
    ])
    func suggests(_ testCase: Case) {
        #expect(closestMatch(to: testCase.word, in: testCase.candidates) == testCase.expected)
    }

    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("kitten", "sitting", 3),
        ("ab", "ba", 1), ("ca", "abc", 3), ("servers", "sevrers", 1), ("flaw", "lawn", 2),
    ])
    func editDistanceCountsSwapsAsOne(_ a: String, _ b: String, _ distance: Int) {
        #expect(editDistance(Array(a), Array(b)) == distance)
        #expect(editDistance(Array(b), Array(a)) == distance)
    }
}
