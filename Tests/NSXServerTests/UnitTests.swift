import Foundation
import NSXJSON
import Testing
@testable import NSXServer

/// How the API writes times; NSXTimeTests covers the calendar itself.
@Suite struct APITimeTests {
    @Test func timesAreRFC3339InUTCWithSeconds() {
        #expect(JSONValue.time(0) == .string("1970-01-01T00:00:00Z"))
        #expect(JSONValue.time(1_705_401_000) == .string("2024-01-16T10:30:00Z"))
        #expect(JSONValue.time(951_782_400) == .string("2000-02-29T00:00:00Z"))
        #expect(JSONValue.optionalTime(nil) == .null)
        #expect(JSONValue.optionalTime(-1) == .string("1969-12-31T23:59:59Z"))
    }

    @Test func backupNamesTakeTheTimeOfCreation() {
        #expect(BackupsController.defaultName(at: 1_705_401_000) == "backup-20240116-103000")
    }
}

@Suite struct PasswordTests {
    /// RFC 7914 §11 PBKDF2-HMAC-SHA256 vectors (first 32 bytes).
    @Test func matchesTheRFCVectors() throws {
        let derived = try PasswordHasher.pbkdf2(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1)
        #expect(derived.map { String(format: "%02x", $0) }.joined() == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
        let many = try PasswordHasher.pbkdf2(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000)
        #expect(many.map { String(format: "%02x", $0) }.joined() == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56")
    }

    @Test func hashesAreSaltedAndVerify() throws {
        let hasher = PasswordHasher(iterations: 1_000)
        let a = try hasher.hash("correct horse")
        let b = try hasher.hash("correct horse")
        #expect(a != b)
        #expect(hasher.verify("correct horse", against: a))
        #expect(!hasher.verify("correct horsf", against: a))
        #expect(!hasher.verify("x", against: "garbage"))
        #expect(!a.contains("correct"))
    }
}

/// The server reads bodies with NSXJSON (whose own tests are in NSXJSONTests and
/// NSXOutputTests); these pin what the server adds: its depth cap and what counts as a body.
@Suite struct RequestBodyTests {
    @Test func anObjectIsABodyAndWhitespaceIsNone() throws {
        #expect(try RequestInput.parseBody(Array(#"{"name":"web","n":[1,2.5,true,null]}"#.utf8)) == ["name": "web", "n": [1, 2.5, true, nil]])
        #expect(try RequestInput.parseBody(Array(" \r\n\t".utf8)) == nil)
        #expect(try RequestInput.parseBody([]) == nil)
    }

    @Test func aRepeatedKeyKeepsItsLastValue() throws {
        #expect(try RequestInput.parseBody(Array(#"{"name":"a","name":"b"}"#.utf8)) == ["name": "b"])
    }

    @Test(arguments: ["{not json", "[1,2]", "\"text\"", "{\"a\":1,}", "{\"a\":\"\\ud83d\"}", "{}x"])
    func anythingElseIsABadRequest(_ text: String) {
        #expect(throws: APIError.self) { try RequestInput.parseBody(Array(text.utf8)) }
    }

    @Test func invalidUTF8IsABadRequest() {
        #expect(throws: APIError.badRequest("Request body is not valid JSON")) { try RequestInput.parseBody([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) }
    }

    @Test func nestingIsCappedAtSixtyFourLevels() throws {
        let nested = { (depth: Int) in "{\"a\":" + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}" }
        #expect(try RequestInput.parseBody(Array(nested(RequestInput.maxBodyDepth).utf8)) != nil)
        #expect(throws: APIError.badRequest("Request body is not valid JSON")) {
            try RequestInput.parseBody(Array(nested(RequestInput.maxBodyDepth + 1).utf8))
        }
    }
}

@Suite struct IdentifierTests {
    @Test func prefixPlusTwelveLowercaseAlphanumerics() {
        let id = Identifier.server.make()
        #expect(id.hasPrefix("srv_"))
        #expect(id.count == 16)
        #expect(id.dropFirst(4).allSatisfy { ($0.isLowercase && $0.isLetter) || $0.isNumber })
        #expect(Identifier.server.make() != id)
    }

    @Test func tokenSecretsHaveTheDocumentedShape() {
        let live = TokenSecret.generate(for: .live)
        #expect(TokenSecret.environment(of: live) == .live)
        #expect(TokenSecret.environment(of: TokenSecret.generate(for: .test)) == .test)
        #expect(TokenSecret.environment(of: live + "x") == nil)
        #expect(TokenSecret.environment(of: "nsx_live_" + String(repeating: "-", count: 32)) == nil)
        #expect(TokenSecret.displayPrefix(of: live, environment: .live).count == 13)
        #expect(TokenSecret.hash(live).count == 64)
    }
}

@Suite struct BearerHeaderTests {
    @Test func readsTheCredential() {
        #expect(Authenticator.bearer("Bearer abc") == "abc")
        #expect(Authenticator.bearer("bEaReR abc") == "abc")
        #expect(Authenticator.bearer("  Bearer   abc \t") == "abc")
        #expect(Authenticator.bearer("Bearer a b") == "a b")
        #expect(Authenticator.bearer("Bearer é") == "é")
        for header in [nil, "", "Bearer", "Bearer  ", "Bearer\tabc", "Bearerabc", "Basic abc", "Beaker abc", "Bearér abc", "abc"] as [String?] {
            #expect(Authenticator.bearer(header) == nil, "\(String(describing: header))")
        }
    }
}
