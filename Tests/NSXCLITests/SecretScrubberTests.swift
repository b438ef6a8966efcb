import Testing
@testable import NSXCLI

@Suite("Secrets never reach error text")
struct SecretScrubberTests {
    static let token = "nsx_live_" + String(repeating: "aB3", count: 10) + "xy"

    @Test("API tokens and JWTs are redacted; other words stay", arguments: [
        ("unexpected argument \"\(token)\" for \"nsx login\"", "unexpected argument \"nsx_live_[REDACTED]\" for \"nsx login\""),
        ("no token named \"nsx_test_\(String(repeating: "Z", count: 32))\"", "no token named \"nsx_test_[REDACTED]\""),
        ("bad eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ here", "bad [REDACTED] here"),
        ("no server named \"web-1\"", "no server named \"web-1\""),
        ("nsx_live_short is not a token", "nsx_live_short is not a token"),
    ])
    func scrubs(input: String, expected: String) {
        #expect(SecretScrubber.scrub(input) == expected)
    }
}
