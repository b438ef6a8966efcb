import NSXJSON
import Testing

@Suite("JSON serialisation")
struct JSONSerializationTests {
    static let sample: JSONValue = [
        "id": "srv_abc123",
        "name": "web/1",
        "count": 3,
        "ratio": 0.25,
        "active": true,
        "deleted_at": nil,
        "labels": ["env": "prod", "tier": "web"],
        "tags": ["a", "b"],
        "empty_list": [],
        "empty_map": [:],
    ]

    @Test("compact output keeps key order, has no spaces and does not escape '/'")
    func compact() {
        #expect(Self.sample.serialized() == #"{"id":"srv_abc123","name":"web/1","count":3,"ratio":0.25,"active":true,"deleted_at":null,"labels":{"env":"prod","tier":"web"},"tags":["a","b"],"empty_list":[],"empty_map":{}}"#)
    }

    @Test("pretty output uses jq's two-space layout")
    func pretty() {
        let expected = """
        {
          "id": "srv_abc123",
          "name": "web/1",
          "count": 3,
          "ratio": 0.25,
          "active": true,
          "deleted_at": null,
          "labels": {
            "env": "prod",
            "tier": "web"
          },
          "tags": [
            "a",
            "b"
          ],
          "empty_list": [],
          "empty_map": {}
        }
        """
        #expect(Self.sample.serialized(pretty: true) == expected)
    }

    @Test("strings escape quotes, backslashes and every C0 control", arguments: [
        ("plain", #""plain""#),
        ("quote \" back \\ slash /", #""quote \" back \\ slash /""#),
        ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
        ("\u{0}\u{1}\u{1B}[31m\u{1F}", #""\u0000\u0001\u001b[31m\u001f""#),
        ("\u{7F}\u{85}\u{9B}é", "\"\u{7F}\u{85}\u{9B}é\""),
        ("日本 😀", "\"日本 😀\""),
    ])
    func escapesStrings(text: String, expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
    }

    @Test("terminal-safe output also escapes DEL and C1 controls and stays valid JSON")
    func terminalSafe() throws {
        let value: JSONValue = ["k\u{9B}": "a\u{7F}b\u{80}c\u{9F}d\u{A0}é\u{1B}"]
        let text = value.serialized(terminalSafe: true)
        #expect(text == #"{"k\u009b":"a\u007fb\u0080c\u009fd"# + "\u{A0}é" + #"\u001b"}"#)
        #expect(try JSONValue.parse(text) == value)
    }

    @Test("documents round-trip through parse and serialise, compact and pretty", arguments: [
        #"{"a":[1,2.5,-3e10,{"b":null}],"c":"\"x\"","d":{"e":{"f":[]}},"g":"😀"}"#,
        #"[[],{},[[]],"",0,true,false,null]"#,
        #""\u0007 bell""#,
        #"{"z":1,"y":2,"x":{"w":3,"v":4}}"#,
    ])
    func roundTrips(text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(value.serialized() == text)
        #expect(try JSONValue.parse(value.serialized(pretty: true)) == value)
        #expect(try JSONValue.parse(value.serializedBytes()) == value)
    }

    @Test("doubles and integers are written as JSON numbers", arguments: [
        (JSONValue(3.0), "3"),
        (JSONValue(0.1), "0.1"),
        (JSONValue(-2.5), "-2.5"),
        (JSONValue(1e20), "1e+20"),
        (JSONValue(Double.nan), "null"),
        (JSONValue(Double.infinity), "null"),
        (JSONValue(42), "42"),
        (JSONValue(integer: UInt64.max), "18446744073709551615"),
        (1.5, "1.5"),
    ] as [(JSONValue, String)])
    func numbers(value: JSONValue, expected: String) throws {
        #expect(value.serialized() == expected)
        _ = try JSONValue.parse(expected)
    }
}
