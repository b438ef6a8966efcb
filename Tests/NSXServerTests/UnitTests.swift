import Foundation
import Testing
@testable import NSXServer

@Suite struct TimestampTests {
    @Test func formatsUTCWithSeconds() {
        #expect(RFC3339.format(0) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.format(1_705_401_000) == "2024-01-16T10:30:00Z")
        #expect(RFC3339.format(951_782_400) == "2000-02-29T00:00:00Z")
    }

    @Test func parsesOffsetsAndFractions() {
        #expect(RFC3339.parse("2024-01-16T10:30:00Z") == 1_705_401_000)
        #expect(RFC3339.parse("2024-01-16T11:30:00+01:00") == 1_705_401_000)
        #expect(RFC3339.parse("2024-01-16T10:30:00.5Z") == 1_705_401_000.5)
        for bad in ["2024-01-16", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-16T10:30:00", "2024-01-16T10:30:00Zjunk", ""] {
            #expect(RFC3339.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func roundTripsAcrossCenturies() {
        for second in stride(from: -2_000_000_000, through: 4_000_000_000, by: 86_399 * 97) {
            #expect(RFC3339.parse(RFC3339.format(second)) == Double(second))
        }
    }
}

@Suite struct PasswordTests {
    /// RFC 7914 §11 PBKDF2-HMAC-SHA256 vectors (first 32 bytes).
    @Test func matchesTheRFCVectors() {
        let derived = PasswordHasher.pbkdf2(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1)
        #expect(derived.map { String(format: "%02x", $0) }.joined() == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
        let many = PasswordHasher.pbkdf2(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000)
        #expect(many.map { String(format: "%02x", $0) }.joined() == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56")
    }

    @Test func hashesAreSaltedAndVerify() {
        let hasher = PasswordHasher(iterations: 1_000)
        let a = hasher.hash("correct horse")
        let b = hasher.hash("correct horse")
        #expect(a != b)
        #expect(hasher.verify("correct horse", against: a))
        #expect(!hasher.verify("correct horsf", against: a))
        #expect(!hasher.verify("x", against: "garbage"))
        #expect(!a.contains("correct"))
    }
}

@Suite struct JSONTests {
    @Test func parsesAndSerialises() throws {
        let text = #"{"a":[1,2.5,true,null,"x\"y\n"]}"#
        let json = try #require(JSON.parse(Array(text.utf8)))
        #expect(json.serialized == text)
        let nested = try #require(JSON.parse(Array(#"{"b":{},"c":{"d":-3}}"#.utf8)))
        #expect(JSON.parse(Array(nested.serialized.utf8)) == nested)
        #expect(JSON.parse(Array("{".utf8)) == nil)
        #expect(JSON.parse(Array("tru".utf8)) == nil)
    }

    @Test func distinguishesBooleansFromNumbers() throws {
        let json = try #require(JSON.parse(Array("[true, 1, 0, false]".utf8)))
        #expect(json == [true, 1, 0, false])
    }

    @Test func parsesEscapesAndRejectsWhatRFC8259Rejects() {
        #expect(JSON.parse(Array(#""a\u00e9\ud83d\ude00\/\t""#.utf8)) == .string("aé😀/\t"))
        #expect(JSON.parse(Array(" -1.5e3 ".utf8)) == .number(-1500))
        #expect(JSON.parse(Array("{\"k\":\"é\"}".utf8)) == ["k": "é"])
        for bad in ["01", "1.", ".5", "+1", "[1,]", "{\"a\":1,}", "\"\u{01}\"", "\"\\x\"", "\"\\ud83d\"", "nul", "{}x", "", "1e999"] {
            #expect(JSON.parse(Array(bad.utf8)) == nil, "\(bad)")
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(JSON.parse(Array(deep.utf8)) == nil)
        #expect(JSON.parse([0x22, 0xFF, 0x22]) == nil, "invalid UTF-8")
    }

    @Test func escapesControlCharacters() {
        #expect(JSON.string("\u{01}").serialized == #""\u0001""#)
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
