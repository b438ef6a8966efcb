import NSXTime
import Testing

@Suite("HTTP dates")
struct HTTPDateTests {
    @Test("the three forms of RFC 9110", arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777),
        ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777),
        ("Sun Nov  6 08:49:37 1994", 784_111_777),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("Wed, 29 Feb 2012 12:00:00 GMT", 1_330_516_800),
    ] as [(String, Int)])
    func reads(text: String, seconds: Int) {
        #expect(Timestamp(httpDate: text)?.seconds == seconds)
    }

    @Test("impossible or malformed dates are refused", arguments: [
        "", "tomorrow", "Sun, 31 Feb 2021 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 06 Nox 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT", "Mon, 29 Feb 2021 00:00:00 GMT",
        "Sun, 06 Nov 1994 08:49:37 CET",
    ] as [String])
    func rejects(text: String) {
        #expect(Timestamp(httpDate: text) == nil)
    }

    @Test("written as IMF-fixdate")
    func writes() {
        #expect(Timestamp(seconds: 784_111_777).httpDate == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(Timestamp(seconds: 0).httpDate == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(Timestamp(seconds: -86_400).httpDate == "Wed, 31 Dec 1969 00:00:00 GMT")
    }
}
