@testable import NSXCommandLine
import Testing

struct TextLayoutTests {
    @Test func wrapsAtWordsWithinTheWidth() {
        #expect(TextLayout.wrap("the quick brown fox jumps over", width: 10) == ["the quick", "brown fox", "jumps over"])
        #expect(TextLayout.wrap("the quick brown fox", width: 12, indent: 2) == ["  the quick", "  brown fox"])
        #expect(TextLayout.wrap("", width: 10) == [])
    }

    @Test func giveALongWordItsOwnLine() {
        #expect(TextLayout.wrap("a https://example.com/very/long b", width: 10) == ["a", "https://example.com/very/long", "b"])
    }

    @Test func reflowsProseAndKeepsIndentedBlocks() {
        #expect(TextLayout.paragraphs("one\ntwo\n\n\n  keep  this\n    and this\nthree") == [
            .prose("one two"), .prose("keep this and this three"),  // a block mixing indented and flush lines is prose
        ])
        #expect(TextLayout.paragraphs("one\n\n  keep  this\n    and this\n\nthree") == [
            .prose("one"), .preformatted(["  keep  this", "    and this"]), .prose("three"),
        ])
    }

    @Test func alignsColumnsAndWrapsUnderTheSecond() {
        let rows = [("-a, --all", "Show everything there is to see"), ("--x", "Short")]
        #expect(TextLayout.columns(rows, width: 36) == [
            "  -a, --all   Show everything there",
            "              is to see",
            "  --x         Short",
        ])
    }

    @Test func putsTheTextBelowATermTooLongForTheColumn() {
        let rows = [("--a-very-long-option-name value", "Help"), ("-s", "Short")]
        #expect(TextLayout.columns(rows, width: 30) == [
            "  --a-very-long-option-name value",
            "                  Help",
            "  -s              Short",
        ])
    }
}
