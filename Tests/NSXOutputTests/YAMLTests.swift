import NSXJSON
@testable import NSXOutput
import Testing

@Suite("YAML")
struct YAMLTests {
    @Test("strings a YAML reader could misread are double-quoted", arguments: [
        ("", #""""#),
        ("true", #""true""#), ("False", #""False""#), ("yes", #""yes""#), ("NO", #""NO""#),
        ("on", #""on""#), ("off", #""off""#), ("y", #""y""#), ("n", #""n""#),
        ("null", #""null""#), ("Null", #""Null""#), ("~", #""~""#),
        ("123", #""123""#), ("-1.5", #""-1.5""#), ("+1", #""+1""#), ("1e3", #""1e3""#),
        ("0x1F", #""0x1F""#), ("0o17", #""0o17""#), ("0755", #""0755""#), (".5", #"".5""#),
        (".inf", #"".inf""#), ("-.Inf", #""-.Inf""#), (".NaN", #"".NaN""#),
        ("1:20", #""1:20""#), ("2024-01-16", #""2024-01-16""#), ("1_000", #""1_000""#),
        ("- item", #""- item""#), ("-", #""-""#), ("? key", #""? key""#), (":x", #"":x""#),
        ("*alias", #""*alias""#), ("&anchor", #""&anchor""#), ("!tag", #""!tag""#),
        ("#comment", ##""#comment""##), ("%directive", #""%directive""#), ("@at", #""@at""#),
        ("`tick", #""`tick""#), ("|block", #""|block""#), (">folded", #"">folded""#),
        ("[flow", #""[flow""#), ("{flow", #""{flow""#), (",comma", #"",comma""#),
        ("'single", #""'single""#), ("\"double", #""\"double""#),
        ("key: value", #""key: value""#), ("ends with:", #""ends with:""#), ("a #comment", #""a #comment""#),
        (" leading", #"" leading""#), ("trailing ", #""trailing ""#),
        ("<<", #""<<""#), ("=", #""=""#), ("...", #""...""#), ("--- x", #""--- x""#),
        ("line\nbreak", #""line\nbreak""#), ("tab\there", #""tab\there""#),
        ("back\\slash\u{1B}[0m", #""back\\slash\e[0m""#), ("bell\u{07}", #""bell\a""#),
        ("del\u{7F}", #""del\x7F""#), ("c1\u{9B}", #""c1\x9B""#), ("nel\u{85}", #""nel\N""#),
        ("ls\u{2028}", #""ls\L""#), ("bom\u{FEFF}", #""bom\uFEFF""#), ("nul\u{0}", #""nul\0""#),
    ])
    func quotesTrickyStrings(text: String, expected: String) {
        #expect(YAMLEmitter.quotedIfNeeded(text) == expected)
    }

    @Test("ordinary strings stay plain", arguments: [
        "web-1", "srv_abc123", "hello world", "a:b", "a#b", "https://example.com/x?y=1#frag",
        "café", "日本語", "😀", "it's", "say \"hi\"", "x-1.5", "truely", "nullable", "a, b", "v1.2.3",
    ])
    func plainStrings(text: String) {
        #expect(YAMLEmitter.quotedIfNeeded(text) == text)
    }

    @Test("keys are quoted by the same rules")
    func keys() {
        let value: JSONValue = ["on": 1, "plain": 2, "": 3, "a: b": 4]
        #expect(YAMLEmitter.document(value) == "\"on\": 1\nplain: 2\n\"\": 3\n\"a: b\": 4\n")
    }

    @Test("nested containers use block style, empty ones flow style")
    func nesting() {
        let value: JSONValue = [
            "matrix": [[1, 2], [], [["k": "v"]]],
            "objects": [["a": 1, "b": ["c": nil]], [:]],
            "empty_list": [],
            "empty_map": [:],
            "scalars": [true, false, nil, 1.5, "s"],
        ]
        #expect(YAMLEmitter.document(value) == """
        matrix:
          - - 1
            - 2
          - []
          - - k: v
        objects:
          - a: 1
            b:
              c: null
          - {}
        empty_list: []
        empty_map: {}
        scalars:
          - true
          - false
          - null
          - 1.5
          - s

        """)
    }

    @Test("a top-level scalar or empty value is one line")
    func topLevelScalars() {
        #expect(YAMLEmitter.document("yes") == "\"yes\"\n")
        #expect(YAMLEmitter.document(42) == "42\n")
        #expect(YAMLEmitter.document([]) == "[]\n")
    }
}
