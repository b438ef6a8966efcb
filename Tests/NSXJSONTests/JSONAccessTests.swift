import NSXJSON
import Testing

@Suite("JSON access and building")
struct JSONAccessTests {
    static let settings: JSONValue = [
        "timezone": "UTC",
        "notifications": ["email": false, "webhook_url": nil],
        "labels": ["env": "prod", "app.kubernetes.io/name": "web"],
        "items": [["id": "srv_1"], ["id": "srv_2"]],
        "a.b": "dotted key",
        "a": ["b": "nested key"],
    ]

    @Test("key paths reach nested values", arguments: [
        ("timezone", JSONValue?.some("UTC")),
        ("notifications.email", false),
        ("notifications.webhook_url", .null),
        ("labels.env", "prod"),
        ("labels.app.kubernetes.io/name", "web"),
        ("items.1.id", "srv_2"),
        ("a.b", "dotted key"),
        ("missing", nil),
        ("notifications.sms", nil),
        ("timezone.x", nil),
        ("items.9.id", nil),
        ("items.x", nil),
    ])
    func keyPathLookup(path: String, expected: JSONValue?) {
        #expect(Self.settings[path] == expected)
    }

    @Test("setting a key path creates objects; nil removes")
    func keyPathAssignment() {
        var value: JSONValue = ["notifications": ["email": true]]
        value["notifications.email"] = false
        value["notifications.webhook_url"] = "https://example.com/hook"
        value["limits.cpu.max"] = 4
        #expect(value == ["notifications": ["email": false, "webhook_url": "https://example.com/hook"],
                          "limits": ["cpu": ["max": 4]]])
        value["notifications.email"] = nil
        value["nothing.here"] = nil
        #expect(value.serialized() == #"{"notifications":{"webhook_url":"https://example.com/hook"},"limits":{"cpu":{"max":4}}}"#)
    }

    @Test("typed accessors answer only for their own case")
    func accessors() {
        let value: JSONValue = ["s": "text", "i": 42, "d": 2.5, "big": .number("1e3"), "b": true, "n": nil, "l": [1], "o": ["k": 1]]
        #expect(value["s"]?.stringValue == "text")
        #expect(value["i"]?.intValue == 42)
        #expect(value["i"]?.stringValue == nil)
        #expect(value["d"]?.intValue == nil)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["big"]?.intValue == 1000)
        #expect(JSONValue.number("99999999999999999999").intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.isNull == true)
        #expect(value["l"]?.arrayValue == [1])
        #expect(value["l"]?[index: 0] == 1)
        #expect(value["l"]?[index: 1] == nil)
        #expect(value["o"]?.objectValue?.keys == ["k"])
        #expect(value.stringValue == nil)
    }

    @Test("interpolated strings and descriptions")
    func interpolationAndDescription() {
        let index = 7
        let value: JSONValue = ["name": "web-\(index)", "n": .init(index)]
        #expect(value["name"] == .string("web-7"))
        #expect("\(value)" == #"{"name":"web-7","n":7}"#)
        #expect(value.objectValue?.description == #"{"name":"web-7","n":7}"#)
    }

    @Test("number literals are validated", arguments: [
        ("12", true), ("-0.5e+3", true), ("1e400", true),
        ("01", false), ("1.", false), ("", false), (" 1", false), ("1 ", false), ("0x1F", false), ("\"1\"", false),
    ])
    func numberLiterals(literal: String, valid: Bool) {
        #expect((JSONValue(numberLiteral: literal) != nil) == valid)
    }

    @Test("objects build in order, merge, select and compare by order")
    func objects() {
        var object: JSONObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = 10
        #expect(object.keys == ["b", "a", "c"])
        object.merge(["a": 20, "d": 4])
        #expect(object.keys == ["b", "a", "c", "d"])
        #expect(object["a"] == 20)
        #expect(object.selecting(["d", "b", "zz"]).keys == ["d", "b"])
        #expect(object.removeValue(forKey: "c") == 3)
        #expect(!object.contains(key: "c"))
        #expect(JSONObject([("x", 1), ("y", 2)]) != JSONObject([("y", 2), ("x", 1)]))
        #expect(Array(object.map(\.key)) == ["b", "a", "d"])
        #expect(object.values == [10, 20, 4])
    }
}
