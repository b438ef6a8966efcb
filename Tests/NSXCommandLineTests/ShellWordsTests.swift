@testable import NSXCommandLine
import Testing

/// Examples are split into words before they are checked against the parser.
struct ShellWordsTests {
    @Test(arguments: [
        ("nsx servers list", ["nsx", "servers", "list"]),
        ("  nsx   a\tb  ", ["nsx", "a", "b"]),
        (#"nsx tokens create --for "servers list""#, ["nsx", "tokens", "create", "--for", "servers list"]),
        (#"nsx api -f 'a=b c' x"#, ["nsx", "api", "-f", "a=b c", "x"]),
        (#"say "a \"b\" c""#, ["say", #"a "b" c"#]),
        (#"say 'no \escape'"#, ["say", #"no \escape"#]),
        (#"a\ b"#, ["a b"]),
        (#"empty "" ''"#, ["empty", "", ""]),
        ("", []),
    ])
    func splits(_ line: String, _ words: [String]) {
        #expect(shellWords(line) == words)
    }

    @Test(arguments: [#"open "quote"#, "open 'quote", #"trailing\"#])
    func rejectsUnfinishedQuoting(_ line: String) {
        #expect(shellWords(line) == nil)
    }
}
