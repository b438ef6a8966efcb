import NSXJSON
import NSXOutput
import Testing

@Suite("CSV")
struct CSVTests {
    static let columns = [Column("id", style: .id), Column("name"), Column("note")]

    @Test("awkward text survives a round trip through an RFC 4180 reader", arguments: [
        "plain",
        "comma, inside",
        "quote \" inside",
        "\"fully quoted\"",
        "line\nbreak",
        "carriage\r\nreturn",
        " leading and trailing ",
        "",
        "日本語 😀",
        "trailing,",
    ])
    func roundTrip(text: String) {
        let items: [JSONValue] = [["id": "x_1", "name": .string(text), "note": "after"]]
        let output = Fixtures.list(items, Fixtures.options(.csv, terminal: false), columns: Self.columns)
        #expect(CSVReader.parse(output) == [["id", "name", "note"], ["x_1", text, "after"]])
    }

    @Test("nested values: maps k=v;k=v, lists space-joined, null empty, deeper values as JSON")
    func nestedValues() {
        let columns = [Column("labels", style: .map), Column("tags", style: .list), Column("gone"), Column("deep")]
        let items: [JSONValue] = [[
            "labels": ["env": "prod", "tier": "web"], "tags": ["a", "b", 3, true], "gone": nil,
            "deep": ["list": [1, 2], "map": ["k": "v"]],
        ]]
        let output = Fixtures.list(items, Fixtures.options(.csv, terminal: false), columns: columns)
        #expect(CSVReader.parse(output) == [
            ["labels", "tags", "gone", "deep"],
            ["env=prod;tier=web", "a b 3 true", "", #"list=[1,2];map={"k":"v"}"#],
        ])
    }

    @Test("--no-headers drops the header row, even for an empty list")
    func noHeaders() {
        let options = Fixtures.options(.csv, terminal: false, noHeaders: true)
        #expect(Fixtures.list(Fixtures.servers, options).split(separator: "\n").first?.hasPrefix("srv_abc123def456,") == true)
        #expect(Fixtures.list([], options) == "")
    }

    @Test("on a terminal control characters are escaped; piped they are kept inside quotes")
    func controlCharacters() {
        let items: [JSONValue] = [["id": "x_1", "name": "red\u{1B}[31m\nnext", "note": ""]]
        let piped = Fixtures.list(items, Fixtures.options(.csv, terminal: false), columns: Self.columns)
        #expect(CSVReader.parse(piped)[1][1] == "red\u{1B}[31m\nnext")
        let terminal = Fixtures.list(items, Fixtures.options(.csv, terminal: true), columns: Self.columns)
        #expect(terminal == "id,name,note\nx_1,red^[[31m\\nnext,\n")
    }
}
