import Foundation
import NSXTime
import Testing
@testable import NSXCLI

/// API token shapes and the JWT expiry peek. (Permission words: PermissionTests.swift.)
struct TokenFormatTests {
    static let body = String(repeating: "aB3", count: 10) + "xY"  // 32 letters and digits

    @Test func acceptsBothEnvironments() {
        #expect(TokenFormat.isAPIToken("nsx_live_" + Self.body))
        #expect(TokenFormat.isAPIToken("nsx_test_" + Self.body))
        #expect(TokenFormat.problem(with: "nsx_live_" + Self.body) == nil)
        #expect(Credential.kind(of: "nsx_test_" + Self.body) == .apiToken)
        #expect(Credential(secret: "nsx_test_" + Self.body, kind: .apiToken, source: .env, facts: nil).tokenEnvironment == .test)
        #expect(Credential(secret: "nsx_live_" + Self.body, kind: .apiToken, source: .env, facts: nil).tokenEnvironment == .live)
    }

    static let short = String(body.dropLast())

    @Test(arguments: [
        ("nsx_prod_" + TokenFormatTests.body, "an API token starts with nsx_live_ or nsx_test_"),
        ("ghp_" + TokenFormatTests.body, "an API token starts with nsx_live_ or nsx_test_"),
        ("eyJhbGciOiJIUzI1NiJ9.e30.sig", "an API token starts with nsx_live_ or nsx_test_"),
        ("nsx_live_" + TokenFormatTests.short, "an API token is its prefix followed by 32 letters and digits"),
        ("nsx_live_" + TokenFormatTests.body + "z", "an API token is its prefix followed by 32 letters and digits"),
        ("nsx_live_" + TokenFormatTests.short + "-", "an API token is its prefix followed by 32 letters and digits"),
        ("nsx_live_", "an API token is its prefix followed by 32 letters and digits"),
    ])
    func rejects(_ candidate: String, _ problem: String) {
        #expect(!TokenFormat.isAPIToken(candidate))
        #expect(TokenFormat.problem(with: candidate) == problem)
    }

    @Test func anythingElseIsTakenForASession() {
        #expect(Credential.kind(of: "eyJhbGciOiJIUzI1NiJ9.e30.sig") == .session)
    }
}

struct JWTPeekTests {
    @Test func readsExp() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let jwt = Fixtures.jwt(expiringIn: 3600, now: now)
        #expect(JWTPeek.expiry(of: jwt) == Timestamp(seconds: 1_700_003_600))
        #expect(Credential(secret: jwt, kind: .session, source: .keyring, facts: nil).sessionExpiry == Timestamp(seconds: 1_700_003_600))
    }

    @Test(arguments: ["", "a.b", "a.b.c.d", "x.!!!.y", "x.e30.y", "nsx_live_abc"])
    func unreadableIsNil(_ jwt: String) {
        #expect(JWTPeek.expiry(of: jwt) == nil)
    }

    @Test func base64URLWithoutPadding() {
        #expect(Base64URL.decode("eyJleHAiOjF9") == Array(#"{"exp":1}"#.utf8))
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
    }

    @Test func anAPITokenHasNoSessionExpiry() {
        #expect(Credential(secret: "nsx_live_" + TokenFormatTests.body, kind: .apiToken, source: .env, facts: nil).sessionExpiry == nil)
    }
}
