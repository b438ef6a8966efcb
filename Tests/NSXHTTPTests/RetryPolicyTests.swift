@testable import NSXHTTP
import NSXTime
import Testing

@Suite("Backoff and Retry-After")
struct RetryPolicyTests {
    @Test("exponential from 0.5 s, doubling, capped at 8 s", arguments: [
        (1, 0.5, Duration.milliseconds(500)), (2, 0.5, .seconds(1)), (3, 0.5, .seconds(2)), (4, 0.5, .seconds(4)),
        (5, 0.5, .seconds(8)), (9, 0.5, .seconds(8)),
        // jitter spreads each wait over half to one and a half times its nominal value
        (1, 0.0, .milliseconds(250)), (3, 0.0, .seconds(1)), (2, 0.75, .milliseconds(1250)), (5, 0.99, .seconds(8)),
    ])
    func backoff(retry: Int, jitter: Double, expected: Duration) {
        #expect(RetryPolicy.default.backoff(beforeRetry: retry, jitter: jitter) == expected)
    }

    /// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's example date.
    static let example = 784_111_777

    @Test("Retry-After values", arguments: [
        ("120", Duration.seconds(120)), ("0", .zero), (" 5 ", .seconds(5)),
        ("Sun, 06 Nov 1994 08:49:37 GMT", .seconds(10)),
        ("Sunday, 06-Nov-94 08:49:37 GMT", .seconds(10)),
        ("Sun Nov  6 08:49:37 1994", .seconds(10)),
        ("Sun, 06 Nov 1994 08:49:20 GMT", .zero),  // already past
        ("99999999999999999999", .seconds(Int(Int32.max))),
    ])
    func retryAfter(value: String, expected: Duration) {
        #expect(RetryAfter.delay(value, now: Timestamp(seconds: Self.example - 10)) == expected)
    }

    @Test("unreadable Retry-After values are ignored", arguments: [
        "", "soon", "-5", "1.5", "Sun, 06 Nov 1994", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:00:00 GMT", "Mon, 31 Feb 2025 00:00:00 GMT",
    ])
    func unreadableRetryAfter(value: String) {
        #expect(RetryAfter.delay(value, now: Timestamp(seconds: Self.example)) == nil)
    }

    @Test("HTTP dates across eras and leap years", arguments: [
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("Tue, 29 Feb 2000 12:00:00 GMT", 951_825_600),
        ("Sat, 01 Jan 2050 00:00:01 GMT", 2_524_608_001),
    ])
    func httpDates(text: String, epoch: Int) {
        #expect(Timestamp(httpDate: text)?.seconds == epoch)
    }
}
