import NSXJSON
@testable import NSXOutput
import Testing

@Suite("Table layout")
struct TableLayoutTests {
    static let columns = [Column("id", style: .id), Column("name"), Column("description"), Column("status", style: .status)]
    static let items: [JSONValue] = [
        ["id": "srv_abcdefghijkl", "name": "web-frontend-production", "description": "Serves the public website for every region we run in", "status": "running"],
        ["id": "srv_2", "name": "db", "description": "Primary database", "status": "stopping"],
    ]

    @Test("on a terminal the widest text columns are cut with … to fit; IDs and statuses never")
    func fitsWidth() {
        let output = Fixtures.list(Self.items, Fixtures.options(.table, terminal: true, width: 60), columns: Self.columns)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.map(DisplayWidth.of).max() == 60, "\(lines)")
        #expect(lines == [
            "ID                NAME             DESCRIPTION      STATUS",
            "srv_abcdefghijkl  web-frontend-p…  Serves the pub…  running",
            "srv_2             db               Primary databa…  stopping",
        ])
    }

    @Test("piped tables are never truncated")
    func pipedUntruncated() {
        let output = Fixtures.list(Self.items, Fixtures.options(.table, terminal: false, width: 60), columns: Self.columns)
        #expect(output.contains("web-frontend-production  Serves the public website for every region we run in  running"))
    }

    @Test("a table that cannot fit keeps IDs whole and text columns no narrower than their header or 6")
    func tooNarrow() {
        let output = Fixtures.list(Self.items, Fixtures.options(.table, terminal: true, width: 10), columns: Self.columns)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[1] == "srv_abcdefghijkl  web-f…  Serves the…  running")
    }

    @Test("columns give way lowest priority first, before any name is cut; an address is never cut")
    func priorities() {
        let columns = [Column("id", style: .id), Column("name"), Column("status", style: .status),
                       Column("region", priority: 2), Column("ipv4", style: .address, priority: 3),
                       Column("created_at", header: "CREATED", style: .time, terminalHeader: "AGE", priority: 0)]
        let items: [JSONValue] = [["id": "srv_abcdefghijkl", "name": "frontend-web-server-long-one", "status": "active",
                                   "region": "ap-southeast", "ipv4": "203.0.113.254", "created_at": "2024-01-16T10:30:00Z"]]
        func lines(_ width: Int) -> [String] {
            Fixtures.list(items, Fixtures.options(.table, terminal: true, width: width), columns: columns)
                .split(separator: "\n").map(String.init)
        }
        #expect(lines(200)[0].split(separator: " ") == ["ID", "NAME", "STATUS", "REGION", "IPV4", "AGE"])
        #expect(lines(90)[0].split(separator: " ") == ["ID", "NAME", "STATUS", "REGION", "IPV4"], "AGE goes first")
        #expect(lines(70)[0].split(separator: " ") == ["ID", "NAME", "STATUS", "IPV4"], "then REGION")
        #expect(lines(70)[1].contains("203.0.113.254") && lines(70)[1].contains("frontend-web-server-long-one"))
        #expect(lines(60) == ["ID" + String(repeating: " ", count: 16) + "NAME" + String(repeating: " ", count: 26) + "STATUS",
                              "srv_abcdefghijkl  frontend-web-server-long-one  active"], "then IPV4; no name is cut yet")
        #expect(lines(40) == ["ID" + String(repeating: " ", count: 16) + "NAME" + String(repeating: " ", count: 12) + "STATUS",
                              "srv_abcdefghijkl  frontend-web-…  active"], "names last")
        for width in [40, 50, 60, 70, 80, 90] {
            #expect(lines(width).allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines(width))")
        }
        // Piped: everything, under CREATED; asked for with --fields, nothing gives way.
        let piped = Fixtures.list(items, Fixtures.options(.table, terminal: false, width: 40), columns: columns)
        #expect(piped.split(separator: "\n").first?.split(separator: " ") == ["ID", "NAME", "STATUS", "REGION", "IPV4", "CREATED"])
        #expect(piped.contains("2024-01-16T10:30:00Z"))
        let named = Fixtures.list(items, Fixtures.options(.table, terminal: true, fields: ["id", "created_at"], width: 20), columns: columns)
        #expect(named.split(separator: "\n").first?.split(separator: " ") == ["ID", "AGE"])
    }

    @Test("wide characters are measured in terminal columns")
    func wideCharacters() {
        let items: [JSONValue] = [["id": "a", "name": "日本語"], ["id": "b", "name": "😀x"], ["id": "c", "name": "e\u{301}"]]
        let output = Fixtures.list(items, Fixtures.options(.table, terminal: false), columns: [Column("name"), Column("id", style: .id)])
        #expect(output == "NAME    ID\n日本語  a\n😀x     b\ne\u{301}       c\n")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 7) == "日本語…")
        #expect(DisplayWidth.truncate("short", to: 7) == "short")
    }

    /// Printable ASCII takes a shortcut (one column a byte); everything else, controls
    /// included, is measured grapheme by grapheme, and both must agree where they meet.
    @Test("the printable-ASCII shortcut measures and cuts as the full measure does")
    func printableASCIIShortcut() {
        let printable = String((0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) })
        #expect(printable.isPrintableASCII)
        #expect(DisplayWidth.of(printable) == 95)
        #expect(DisplayWidth.of(printable) == printable.reduce(0) { $0 + DisplayWidth.of($1) })
        #expect(DisplayWidth.truncate("web-frontend", to: 6) == "web-f…")
        #expect(DisplayWidth.truncate("web-frontend", to: 1) == "…")
        for text in ["tab\there", "esc\u{1B}[2J", "del\u{7F}", "caf\u{E9}", "e\u{301}", "\r\n"] {
            #expect(!text.isPrintableASCII, "\(text)")
        }
        #expect(terminalSafe("plain text ~") == "plain text ~")
        #expect(terminalSafe("esc\u{1B}[2J") == "esc^[[2J")
        #expect(DisplayWidth.of("caf\u{E9}") == 4)
        #expect(DisplayWidth.truncate("café au lait", to: 6) == "café …")
    }

    @Test("rows missing a value show '-' so columns stay countable")
    func missingValues() {
        let items: [JSONValue] = [["id": "a"], ["id": "b", "name": ""]]
        let output = Fixtures.list(items, Fixtures.options(.table, terminal: false), columns: [Column("id"), Column("name")])
        #expect(output == "ID  NAME\na   -\nb   -\n")
    }

    @Test("status colours by meaning", arguments: [
        ("running", "\u{1B}[32mrunning\u{1B}[0m"), ("completed", "\u{1B}[32mcompleted\u{1B}[0m"),
        ("Active", "\u{1B}[32mActive\u{1B}[0m"), ("starting", "\u{1B}[33mstarting\u{1B}[0m"),
        ("pending", "\u{1B}[33mpending\u{1B}[0m"), ("failed", "\u{1B}[31mfailed\u{1B}[0m"),
        ("maintenance", "\u{1B}[31mmaintenance\u{1B}[0m"), ("stopped", "\u{1B}[2mstopped\u{1B}[0m"),
        ("unheard-of", "unheard-of"),
    ])
    func statusColours(status: String, expected: String) {
        #expect(Style(enabled: true).status(status) == expected)
        #expect(Style(enabled: false).status(status) == status)
    }

    @Test("Style helpers wrap text only when enabled")
    func styleHelpers() {
        let on = Style(enabled: true)
        #expect(on.bold("LIVE") == "\u{1B}[1mLIVE\u{1B}[0m")
        #expect(on.yellow("TEST") == "\u{1B}[33mTEST\u{1B}[0m")
        #expect(on.checkMark == "\u{1B}[32m✓\u{1B}[0m")
        #expect(on.crossMark == "\u{1B}[31m✗\u{1B}[0m")
        #expect(on.dim("") == "")
        let off = Style(enabled: false)
        #expect(off.red("x") + off.green("y") + off.cyan("z") + off.checkMark == "xyz✓")
    }
}
