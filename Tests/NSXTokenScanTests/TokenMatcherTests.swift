import NSXTokenScan
import Testing

/// The token's shape and its boundaries (TokenShape), and where a match is.
struct TokenMatcherTests {
    static let body = "TLdH0123456789abcdefghijklmnopqr"   // 32 base62 characters
    static let live = "nsx_live_" + body
    static let test = "nsx_test_" + body

    @Test func bodyIs32Characters() {
        #expect(Self.body.count == 32)
        #expect(Self.live.count == 41)
    }

    @Test func findsLiveAndTestTokensWithLineColumnAndPrefixOnly() {
        let text = "first line\n  key = \(Self.live)\nthird \(Self.test);\n"
        let matches = TokenMatcher.matches(in: text)
        #expect(matches == [
            TokenMatch(line: 2, column: 9, environment: .live, prefix: "nsx_live_TLdH"),
            TokenMatch(line: 3, column: 7, environment: .test, prefix: "nsx_test_TLdH"),
        ])
    }

    @Test func columnsCountBytes() {
        // "é" is two bytes in UTF-8: the token starts at byte 4 of the line.
        let matches = TokenMatcher.matches(in: "é \(Self.live)")
        #expect(matches.map(\.column) == [4])
    }

    @Test(arguments: [
        // A token alone, and with the boundaries real files give it.
        ("\(live)", 1),
        ("export NSX_TOKEN=\(live)", 1),
        ("\"token\":\"\(live)\"", 1),
        ("`\(live)`", 1),
        ("Authorization: Bearer \(live)\r\n", 1),
        ("TOKEN=\(live)&next=1", 1),
        ("(\(live))", 1),
        ("\(live).", 1),
        ("a\\n\(live)\\nb", 0),          // `\n` escape: the `n` before makes it part of a word
        ("é\(live)", 1),                 // non-ASCII is not a word character (RE2's ASCII \b)
        // Not tokens.
        ("\(live)X", 0),                 // 33-character body
        ("\(live)_old", 0),              // `_` continues the word
        ("x\(live)", 0),                 // part of a longer word
        ("my_\(live)", 0),
        ("9\(live)", 0),
        ("nsx_live_\(String(body.dropLast()))", 0),   // 31 characters
        ("nsx_live_\(String(body.dropLast()))-", 0),
        ("nsx_prod_\(body)", 0),
        ("NSX_LIVE_\(body)", 0),
        ("nsx_live_\(String(body.prefix(16)))-\(String(body.suffix(16)))", 0),
        ("nsx_live_\(String(body.prefix(20)))\n\(String(body.suffix(12)))", 0),    // split across lines
        ("nsx_live_\(String(body.prefix(20)))\r\n\(String(body.suffix(12)))", 0),
        ("nsx_live\n_\(body)", 0),
    ])
    func boundaries(_ text: String, _ expected: Int) {
        #expect(TokenMatcher.matches(in: text).count == expected, "\(text)")
    }

    @Test func adjacentTokensSeparatedByOneByte() {
        let matches = TokenMatcher.matches(in: "\(Self.live) \(Self.test)\n\(Self.live)")
        #expect(matches.map(\.environment) == [.live, .test, .live])
        #expect(matches.map(\.line) == [1, 1, 2])
        #expect(matches.map(\.column) == [1, 43, 1])
    }

    @Test func manyAnchorsAndNoToken() {
        let noise = String(repeating: "nsx_live_ nsx_ xx nsx_test_abc ", count: 1000)
        #expect(TokenMatcher.matches(in: noise).isEmpty)
        #expect(TokenMatcher.matches(in: noise + "\n" + Self.live).map(\.line) == [2])
    }

    @Test func tokenAtTheVeryEndAndStart() {
        #expect(TokenMatcher.matches(in: Self.live).map(\.column) == [1])
        #expect(TokenMatcher.matches(in: "ab\n" + Self.live).map(\.line) == [2])
        #expect(TokenMatcher.matches(in: "").isEmpty)
        #expect(TokenMatcher.matches(in: String(Self.live.dropLast())).isEmpty)
    }

    @Test func theSecretIsNowhereInAMatch() {
        let match = try! #require(TokenMatcher.matches(in: Self.live).first)
        #expect(!String(describing: match).contains(String(Self.body.dropFirst(4))))
        #expect(match.prefix.count == 13)
    }
}
