import NSXJSON
import NSXOutput
import Testing

@Suite("Control characters never reach a terminal raw")
struct TerminalSafetyTests {
    @Test("terminalSafe escapes C0, DEL and C1 and keeps everything else", arguments: [
        ("plain text", "plain text"),
        ("\u{1B}]0;pwned\u{07}", "^[]0;pwned^G"),
        ("\u{1B}[2J", "^[[2J"),
        ("a\tb\nc\rd", "a\\tb\\nc\\rd"),
        ("\u{0}\u{1F}\u{7F}", "^@^_^?"),
        ("csi\u{9B}31m nel\u{85} \u{80}", "csi\\u{9B}31m nel\\u{85} \\u{80}"),
        ("é 日本 😀 \u{A0}", "é 日本 😀 \u{A0}"),
        ("", ""),
    ])
    func escapes(raw: String, expected: String) {
        #expect(terminalSafe(raw) == expected)
    }

    static let hostile: JSONValue = [
        "id": "srv_\u{1B}[31mx",
        "name": "evil\u{1B}]0;title\u{07}\u{9B}2J",
        "status": "running",
    ]
    static let columns = [Column("id", style: .id), Column("name"), Column("status", style: .status)]

    /// No C0 control other than the line feeds the renderer writes itself, and no DEL or C1.
    static func isClean(_ output: String, allowingColour: Bool = false) -> Bool {
        var text = output
        if allowingColour {
            for code in ["\u{1B}[32m", "\u{1B}[0m", "\u{1B}[31m", "\u{1B}[33m", "\u{1B}[2m"] { text = text.replacing(code, with: "") }
        }
        return !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("every format is clean on a terminal", arguments: OutputFormat.allCases)
    func cleanOnTerminal(format: OutputFormat) {
        for quiet in [false, true] {
            let list = Fixtures.list([Self.hostile], Fixtures.options(format, terminal: true, quiet: quiet, colour: true), columns: Self.columns)
            #expect(Self.isClean(list, allowingColour: format == .table), "\(format) list: \(list.debugDescription)")
            let object = Fixtures.object(Self.hostile, Fixtures.options(format, terminal: true, quiet: quiet, colour: true), columns: Self.columns)
            #expect(Self.isClean(object, allowingColour: format == .table), "\(format) object: \(object.debugDescription)")
        }
    }

    @Test("JSON on a terminal stays valid JSON with the same data")
    func jsonStaysValid() throws {
        let list = Fixtures.list([Self.hostile], Fixtures.options(.json, terminal: true), columns: Self.columns)
        #expect(list.contains(#""evil\u001b]0;title\u0007\u009b2J""#))
        #expect(try JSONValue.parse(list) == [Self.hostile])
        let ndjson = Fixtures.list([Self.hostile], Fixtures.options(.ndjson, terminal: true), columns: Self.columns)
        #expect(try JSONValue.parse(ndjson) == Self.hostile)
    }

    @Test("piped JSON keeps C1 characters raw (only C0 is escaped, as JSON requires)")
    func pipedJSON() {
        let ndjson = Fixtures.list([Self.hostile], Fixtures.options(.ndjson, terminal: false), columns: Self.columns)
        #expect(ndjson.contains("\\u0007\u{9B}2J"))
    }

    @Test("keys from the server are escaped where they become headers or labels")
    func hostileKeys() {
        let item: JSONValue = ["id": "x", "bad\u{1B}key": "v"]
        for format in [OutputFormat.table, .csv] {
            let output = Fixtures.list([item], Fixtures.options(format, terminal: true), columns: [])
            #expect(Self.isClean(output), "\(format): \(output.debugDescription)")
        }
        #expect(Self.isClean(Fixtures.object(item, Fixtures.options(.table, terminal: true), columns: [])))
        #expect(Fixtures.list([item], Fixtures.options(.csv, terminal: false), columns: []).hasPrefix("id,bad\u{1B}key\n"))
    }

    @Test("table rows stay on one line even when piped")
    func tableRows() {
        let item: JSONValue = ["id": "srv_1", "name": "two\nlines", "status": "ok"]
        let output = Fixtures.list([item], Fixtures.options(.table, terminal: false), columns: Self.columns)
        #expect(output == "ID     NAME        STATUS\nsrv_1  two\\nlines  ok\n")
    }
}
