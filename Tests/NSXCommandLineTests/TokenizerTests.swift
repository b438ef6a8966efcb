import NSXCommandLine
import Testing

struct TokenizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var argv: [String]
        var kinds: [Token.Kind]
        var testDescription: String { argv.description }
    }

    static let cases: [Case] = [
        Case(argv: ["--long"], kinds: [.longOption(name: "long", value: nil)]),
        Case(argv: ["--long=value"], kinds: [.longOption(name: "long", value: "value")]),
        Case(argv: ["--long="], kinds: [.longOption(name: "long", value: "")]),
        Case(argv: ["--label=env=prod"], kinds: [.longOption(name: "label", value: "env=prod")]),
        Case(argv: ["--long", "value"], kinds: [.longOption(name: "long", value: nil), .word("value")]),
        Case(argv: ["-s"], kinds: [.shortOptions("s")]),
        Case(argv: ["-qy"], kinds: [.shortOptions("qy")]),
        Case(argv: ["-ojson"], kinds: [.shortOptions("ojson")]),
        Case(argv: ["-qo", "json"], kinds: [.shortOptions("qo"), .word("json")]),
        Case(argv: ["-"], kinds: [.word("-")]),
        Case(argv: [""], kinds: [.word("")]),
        Case(argv: ["servers", "list"], kinds: [.word("servers"), .word("list")]),
        Case(argv: ["--", "--x", "-y", "-", "word"],
             kinds: [.terminator, .positional("--x"), .positional("-y"), .positional("-"), .positional("word")]),
        Case(argv: ["a", "--", "--"], kinds: [.word("a"), .terminator, .positional("--")]),
        Case(argv: ["--=x"], kinds: [.longOption(name: "", value: "x")]),
    ]

    @Test(arguments: cases)
    func classifiesByShapeAlone(_ testCase: Case) {
        #expect(Tokenizer.tokenize(testCase.argv).map(\.kind) == testCase.kinds)
    }

    @Test func keepsPositionsAndTextAsGiven() {
        let tokens = Tokenizer.tokenize(["servers", "--output=json", "-qy", "--", "-x"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3, 4])
        #expect(tokens.map(\.text) == ["servers", "--output=json", "-qy", "--", "-x"])
    }
}
