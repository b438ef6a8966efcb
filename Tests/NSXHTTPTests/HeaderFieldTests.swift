@testable import NSXHTTP
import Testing

/// Header text handled as bytes (HeaderField): the same answers as reading it character by
/// character, for ASCII and for UTF-8 alike.
@Suite("Header fields")
struct HeaderFieldTests {
    @Test("a received line splits into a trimmed name and value", arguments: [
        ("Content-Type: application/json\r\n", "Content-Type", "application/json"),
        ("X-Request-Id:req_1\r\n", "X-Request-Id", "req_1"),
        ("  X-A \t:\t a b \t\r\n", "X-A", "a b"),
        ("Location: https://h.example:8443/a?b=c:d\r\n", "Location", "https://h.example:8443/a?b=c:d"),
        ("X-Empty:\r\n", "X-Empty", ""),
        ("X-Blank:  \t \r\n", "X-Blank", ""),
        ("X-Name: Zoë ✓ 日本\r\n", "X-Name", "Zoë ✓ 日本"),
        ("X-Bare: no line end", "X-Bare", "no line end"),
        ("X-Inner: a\rb\nc\r\n", "X-Inner", "abc"),
    ])
    func parsesLines(line: String, name: String, value: String) throws {
        let field = try #require(HeaderField.parse(line: line))
        #expect(field.0 == name)
        #expect(field.1 == value)
    }

    @Test("status lines, blank lines and names with a space are not fields", arguments: [
        "HTTP/1.1 200 OK\r\n", "\r\n", "", ": no name\r\n", "Bad Name: v\r\n", "   :v\r\n",
    ])
    func rejectsNonFields(line: String) {
        #expect(HeaderField.parse(line: line) == nil)
    }

    @Test("trimming removes spaces and tabs at either end, nothing else", arguments: [
        ("", ""), (" ", ""), ("\t \t", ""), ("a", "a"), (" a ", "a"), ("\ta b\t", "a b"),
        ("\u{00A0}a\u{00A0}", "\u{00A0}a\u{00A0}"), (" é ", "é"), ("  日本  ", "日本"), ("\r\na\r\n", "\r\na\r\n"),
    ])
    func trimsBlanks(text: String, trimmed: String) {
        #expect(text.trimmingBlanks() == trimmed)
        #expect(("<" + text + ">").dropFirst().dropLast().trimmingBlanks() == trimmed, "the same on a Substring")
    }

    @Test("names lose line ends and separators, and keep everything else", arguments: [
        ("X-A", "X-A"), ("X A", "XA"), ("X:A;B\tC\r\nD", "XABCD"), ("X-Zoë", "X-Zoë"), ("", ""),
    ])
    func names(text: String, name: String) {
        #expect(HeaderField.name(text) == name)
    }

    @Test("stripping removes CR and LF only", arguments: [
        ("abc", "abc"), ("a\r\nb", "ab"), ("\r\n", ""), ("ü\nü", "üü"), (" a ", " a "),
    ])
    func strips(text: String, stripped: String) {
        #expect(HeaderField.stripped(text) == stripped)
    }
}
