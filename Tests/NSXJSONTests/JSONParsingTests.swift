import NSXJSON
import Testing

@Suite("JSON parsing")
struct JSONParsingTests {
    @Test("scalars and containers parse to the expected values", arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("1.50", .number("1.50")),
        ("-12.5e+3", .number("-12.5e+3")),
        ("1E-7", .number("1E-7")),
        ("\"\"", .string("")),
        ("\"a/b\"", .string("a/b")),
        ("[]", .array([])),
        ("{}", .object(JSONObject())),
        ("[1, [2, [3]], {}]", [1, [2, [3]], [:]]),
        ("\u{FEFF}[1]", [1]),  // a byte order mark may be ignored
        (" \t\r\n{\"a\" : [ null , true ] }\n", ["a": [nil, true]]),
    ] as [(String, JSONValue)])
    func parsesValidDocuments(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(text) == expected)
    }

    @Test("escapes decode, including surrogate pairs", arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u4e2d""#, "Aé中"),
        (#""\ud83d\ude00 ok""#, "😀 ok"),
        (#""\uD834\uDD1E""#, "𝄞"),
        (#""\u0000""#, "\u{0}"),
        ("\"raw 日本語 😀\"", "raw 日本語 😀"),
    ])
    func decodesEscapes(text: String, expected: String) throws {
        #expect(try JSONValue.parse(text) == .string(expected))
    }

    @Test("big and precise numbers keep their literal text exactly")
    func numbersKeepLiterals() throws {
        let text = #"[12345678901234567890123456789, 0.1000000000000000055511151231257827, 1e400, -0.0]"#
        let value = try JSONValue.parse(text)
        #expect(value.arrayValue?.compactMap(\.numberLiteral)
            == ["12345678901234567890123456789", "0.1000000000000000055511151231257827", "1e400", "-0.0"])
        #expect(value.serialized() == "[12345678901234567890123456789,0.1000000000000000055511151231257827,1e400,-0.0]")
    }

    @Test("object keys keep their order; a repeated key keeps its first place and last value")
    func keyOrder() throws {
        let value = try JSONValue.parse(#"{"z": 1, "a": 2, "m": 3, "a": 4}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["a"] == 4)
    }

    @Test("large objects keep order and lookups through the key index")
    func largeObject() throws {
        let keys = (0..<100).map { "key\(99 - $0)" }
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",") + "}"
        var object = try #require(try JSONValue.parse(text).objectValue)
        #expect(object.keys == keys)
        #expect(object["key0"] == 99)
        object["key50"] = nil
        #expect(object.count == 99)
        #expect(object["key49"] == 50)
        #expect(object["key50"] == nil)
    }

    @Test("bytes parse the same as text, from non-contiguous collections too")
    func parsesBytes() throws {
        let text = #"{"name": "café", "n": [1, 2]}"#
        let fromArray = try JSONValue.parse(Array(text.utf8))
        let fromLazy = try JSONValue.parse(text.utf8.lazy.map { $0 })
        #expect(fromArray == fromLazy)
        #expect(fromArray == ["name": "café", "n": [1, 2]])
    }

    @Test("nesting up to the limit parses; one deeper is refused")
    func depthLimit() throws {
        let limit = JSONValue.maximumNestingDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        let parsed = try JSONValue.parse(deepest)
        #expect(parsed.serialized() == deepest)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(tooDeep) }
        #expect(error.offset == limit)
        #expect(error.reason.contains("nesting"))
    }

    @Test("a hostile depth fails quickly without overflowing the stack")
    func hostileDepth() {
        let text = String(repeating: "[", count: 1_000_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test("malformed input reports the byte offset and a reason", arguments: [
        ("", 0, "unexpected end of input"),
        ("   ", 3, "unexpected end of input"),
        ("nul", 3, "unexpected end of input in literal"),
        ("nulx", 0, "invalid literal"),
        ("True", 0, "unexpected character 'T'"),
        ("[1,]", 3, "unexpected character ']'"),
        ("[1 2]", 3, "expected ',' or ']'"),
        ("[1", 2, "unexpected end of input, expected ',' or ']'"),
        ("{\"a\" 1}", 5, "expected ':'"),
        ("{\"a\":1,}", 7, "expected a string key"),
        ("{a:1}", 1, "expected a string key"),
        ("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'"),
        ("{\"a\":1", 6, "unexpected end of input, expected ',' or '}'"),
        ("01", 1, "leading zeros"),
        ("-", 1, "unexpected end of input, expected a digit"),
        ("-a", 1, "expected a digit"),
        ("1.", 2, "expected a digit"),
        ("1.e5", 2, "expected a digit after '.'"),
        ("1e", 2, "expected a digit"),
        ("1e+", 3, "expected a digit"),
        (".5", 0, "unexpected character '.'"),
        ("+1", 0, "unexpected character '+'"),
        ("NaN", 0, "unexpected character 'N'"),
        ("\"abc", 0, "unterminated string"),
        ("\"a\\", 2, "unterminated string"),
        ("\"\\x\"", 1, "invalid escape character 'x'"),
        ("\"\\u12G4\"", 1, "expected 4 hex digits"),
        ("\"\\ud800\"", 1, "high surrogate U+D800 not followed by a low surrogate"),
        ("\"\\ud800\\u0041\"", 1, "not followed by a low surrogate"),
        ("\"\\udc00\"", 1, "lone low surrogate U+DC00"),
        ("\"a\tb\"", 2, "control character U+0009 must be escaped"),
        ("\"a\nb\"", 2, "control character U+000A"),
        ("{} {}", 3, "after the JSON value"),
        ("1 2", 2, "after the JSON value"),
        ("[] x", 3, "unexpected character 'x' after the JSON value"),
        ("\"ok\"\u{0}", 4, "byte 0x00 after the JSON value"),
    ])
    func reportsErrors(text: String, offset: Int, reason: String) {
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        #expect(error?.offset == offset, "reason: \(error?.reason ?? "-")")
        #expect(error?.reason.contains(reason) == true, "got: \(error?.reason ?? "-")")
    }

    @Test("invalid UTF-8 inside strings is refused at the offending byte", arguments: [
        ([0x22, 0xFF, 0x22], 1),                     // never valid
        ([0x22, 0xC0, 0xAF, 0x22], 1),               // overlong "/"
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 2),         // overlong three-byte form
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 2),         // UTF-8 encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2),   // beyond U+10FFFF
        ([0x22, 0xC3, 0x22], 2),                     // truncated sequence
        ([0x22, 0x61, 0xE2, 0x82], 4),               // truncated at the end
    ] as [([UInt8], Int)])
    func refusesInvalidUTF8(bytes: [UInt8], offset: Int) {
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
        #expect(error?.offset == offset)
        #expect(error?.reason.contains("UTF-8") == true)
    }

    @Test("error descriptions name the reason and the offset")
    func errorDescription() {
        let error = JSONParseError(offset: 7, reason: "unterminated string")
        #expect(error.description == "unterminated string at byte 7")
    }
}

