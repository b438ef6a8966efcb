import NSXJSON
import NSXOutput
import Testing

@Suite("Single objects in every format")
struct RenderObjectTests {
    static let server: JSONValue = [
        "id": "srv_abc123def456",
        "name": "web-1",
        "status": "running",
        "labels": ["env": "prod", "team": "core"],
        "tags": ["a", "b"],
        "volumes": [["id": "vol_1", "size_bytes": 1024], ["id": "vol_2", "size_bytes": 2048]],
        "ipv6": nil,
        "disk_bytes": 1_610_612_736,
        "created_at": "2024-01-16T10:30:00Z",
    ]

    @Test("terminal table: aligned key: value lines, nested maps indented")
    func terminalDetail() {
        let output = Fixtures.object(Self.server, Fixtures.options(.table, terminal: true))
        #expect(output == """
        id:          srv_abc123def456
        name:        web-1
        status:      running
        labels:
          env:   prod
          team:  core
        tags:        a b
        volumes:
          - id:          vol_1
            size_bytes:  1 KiB
          - id:          vol_2
            size_bytes:  2 KiB
        ipv6:        -
        disk_bytes:  1.5 GiB
        created_at:  2 hours ago

        """)
    }

    @Test("piped table: the same layout with raw values")
    func pipedDetail() {
        let output = Fixtures.object(Self.server, Fixtures.options(.table, terminal: false))
        #expect(output.contains("disk_bytes:  1610612736\n"))
        #expect(output.contains("created_at:  2024-01-16T10:30:00Z\n"))
        #expect(output.contains("    size_bytes:  1024\n"))
    }

    @Test("JSON is the object itself, pretty, on a terminal and piped", arguments: [true, false])
    func json(terminal: Bool) throws {
        let output = Fixtures.object(Self.server, Fixtures.options(.json, terminal: terminal))
        #expect(output == Self.server.serialized(pretty: true) + "\n")
        #expect(try JSONValue.parse(output) == Self.server)
    }

    @Test("NDJSON is one compact line", arguments: [true, false])
    func ndjson(terminal: Bool) {
        #expect(Fixtures.object(Self.server, Fixtures.options(.ndjson, terminal: terminal)) == Self.server.serialized() + "\n")
    }

    @Test("CSV is a header and one row of the columns", arguments: [true, false])
    func csv(terminal: Bool) {
        let columns = [Column("id", style: .id), Column("name"), Column("labels", style: .map), Column("tags", style: .list)]
        let output = Fixtures.object(Self.server, Fixtures.options(.csv, terminal: terminal), columns: columns)
        #expect(output == "id,name,labels,tags\nsrv_abc123def456,web-1,env=prod;team=core,a b\n")
    }

    @Test("YAML is a mapping", arguments: [true, false])
    func yaml(terminal: Bool) {
        let output = Fixtures.object(Self.server, Fixtures.options(.yaml, terminal: terminal))
        #expect(output == """
        id: srv_abc123def456
        name: web-1
        status: running
        labels:
          env: prod
          team: core
        tags:
          - a
          - b
        volumes:
          - id: vol_1
            size_bytes: 1024
          - id: vol_2
            size_bytes: 2048
        ipv6: null
        disk_bytes: 1610612736
        created_at: "2024-01-16T10:30:00Z"

        """)
    }

    @Test("-q prints the id in every format", arguments: OutputFormat.allCases)
    func quiet(format: OutputFormat) {
        #expect(Fixtures.object(Self.server, Fixtures.options(format, terminal: false, quiet: true)) == "srv_abc123def456\n")
    }

    @Test("the status is coloured in a terminal detail view")
    func colouredStatus() {
        let output = Fixtures.object(Self.server, Fixtures.options(.table, terminal: true, colour: true))
        #expect(output.contains("status:      \u{1B}[32mrunning\u{1B}[0m\n"))
    }

    @Test("non-object values render too")
    func otherValues() {
        #expect(Fixtures.object("plain text", Fixtures.options(.table, terminal: false)) == "plain text\n")
        #expect(Fixtures.object([["id": "a"], ["id": "b"]], Fixtures.options(.table, terminal: false)) == "- id:  a\n- id:  b\n")
        #expect(Fixtures.object([:], Fixtures.options(.table, terminal: false)) == "-\n")
        #expect(Fixtures.object([1, 2], Fixtures.options(.json, terminal: false)) == "[\n  1,\n  2\n]\n")
    }
}
