import Foundation
import NSXTime
import Testing
@testable import NSXCLI

@Suite("tokens create --expires")
struct TokensExpiryTests {
    /// 2026-03-10T12:00:00Z
    let now = Timestamp(seconds: 1_773_144_000)

    @Test("never is no expiry")
    func never() throws {
        #expect(try TokenExpiry.parse("never", now: now) == nil)
        #expect(try TokenExpiry.parse("NEVER", now: now) == nil)
    }

    @Test("durations count from now", arguments: [
        ("30d", "2026-04-09T12:00:00Z"),
        ("12h", "2026-03-11T00:00:00Z"),
        ("90m", "2026-03-10T13:30:00Z"),
        ("1d12h", "2026-03-12T00:00:00Z"),
        ("45s", "2026-03-10T12:00:45Z"),
    ])
    func durations(text: String, expected: String) throws {
        #expect(try TokenExpiry.parse(text, now: now) == expected)
    }

    @Test("a date means through the end of that day in UTC")
    func date() throws {
        #expect(try TokenExpiry.parse("2027-01-31", now: now) == "2027-01-31T23:59:59Z")
        #expect(try TokenExpiry.parse("2026-03-10", now: now) == "2026-03-10T23:59:59Z")
        #expect(try TokenExpiry.parse("2028-02-29", now: now) == "2028-02-29T23:59:59Z")
    }

    @Test("RFC 3339 times are sent in UTC")
    func rfc3339() throws {
        #expect(try TokenExpiry.parse("2027-01-31T12:00:00Z", now: now) == "2027-01-31T12:00:00Z")
        #expect(try TokenExpiry.parse("2027-01-31T12:00:00+02:00", now: now) == "2027-01-31T10:00:00Z")
        #expect(try TokenExpiry.parse("2027-01-31t12:00:00z", now: now) == "2027-01-31T12:00:00Z")
        #expect(try TokenExpiry.parse("2027-01-31T12:00:00.250Z", now: now) == "2027-01-31T12:00:00Z")
    }

    @Test("nonsense and impossible dates are refused", arguments: [
        "tomorrow", "2027-02-30", "2027-13-01", "2027-1-1", "2027-01-31T25:00:00Z", "2027-01-31T10:61:00Z",
        "2027-01-31T10:00:00", "2027-01-31 10:00:00Z", "30x", "-5d", "", "2027-02-29", "2027-02-31T12:00:00Z",
    ])
    func refused(text: String) {
        #expect(usage(text)?.hasPrefix("invalid --expires") == true)
    }

    @Test("a bare number asks for a unit")
    func bareNumber() {
        #expect(usage("30") == "--expires 30 needs a unit, e.g. 30d for days or 30h for hours")
    }

    @Test("the past and now are refused", arguments: ["2026-03-09", "2020-01-01T00:00:00Z", "0s", "2026-03-10T12:00:00Z"])
    func past(text: String) {
        let message = usage(text)
        #expect(message?.contains("in the past") == true || message?.contains("not in the future") == true, "\(message ?? "no error")")
    }

    private func usage(_ text: String) -> String? {
        do {
            _ = try TokenExpiry.parse(text, now: now)
            return nil
        } catch {
            if case .usage(let message, _) = error { return message }
            return "\(error)"
        }
    }
}
