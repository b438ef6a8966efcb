import NSXJSON
import NSXOutput
import Testing

@Suite("Lists in every format, on a terminal and piped")
struct ListWriterTests {
    @Test("piped table: aligned, untruncated, raw times and sizes, '-' for nothing")
    func pipedTable() {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.table, terminal: false, width: 20))
        #expect(output == """
        ID                NAME         STATUS   REGION   LABELS             DISK         CREATED
        srv_abc123def456  web-1        running  eu-west  env=prod;tier=web  21474836480  2024-01-16T10:30:00Z
        srv_b2            db, primary  failed   us-east  -                  512          2024-01-16T12:00:00Z

        """)
    }

    @Test("terminal table: relative times and human sizes")
    func terminalTable() {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.table, terminal: true))
        #expect(output == """
        ID                NAME         STATUS   REGION   LABELS             DISK    CREATED
        srv_abc123def456  web-1        running  eu-west  env=prod;tier=web  20 GiB  2 hours ago
        srv_b2            db, primary  failed   us-east  -                  512 B   30 minutes ago

        """)
    }

    @Test("table without headers")
    func noHeaders() {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.table, terminal: false, noHeaders: true))
        #expect(output.split(separator: "\n").first?.hasPrefix("srv_abc123def456  web-1") == true)
        #expect(output.split(separator: "\n").count == 2)
    }

    @Test("JSON is one pretty array, identical whatever the page size, and equal to the input", arguments: [1, 2, 5])
    func jsonArray(pageSize: Int) throws {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.json, terminal: false), pageSize: pageSize)
        #expect(try JSONValue.parse(output) == .array(Fixtures.servers))
        #expect(output == JSONValue.array(Fixtures.servers).serialized(pretty: true) + "\n")
    }

    @Test("JSON is written as items arrive: the array opens with the first item")
    func jsonStreams() {
        let sink = BufferSink()
        let writer = ListWriter(options: Fixtures.options(.json, terminal: false), columns: Fixtures.columns, sink: sink)
        writer.write([Fixtures.servers[0]])
        #expect(sink.text.hasPrefix("[\n  {\n    \"id\": \"srv_abc123def456\","))
        #expect(sink.text.hasSuffix("}"))
        writer.write([Fixtures.servers[1]])
        #expect(sink.text.contains("},\n  {\n"))
        writer.finish()
        writer.finish()
        #expect(sink.text.hasSuffix("}\n]\n"))
        #expect(writer.count == 2)
    }

    @Test("NDJSON is one compact object per line", arguments: [true, false])
    func ndjson(terminal: Bool) throws {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.ndjson, terminal: terminal))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(try lines.dropLast().map { try JSONValue.parse(String($0)) } == Fixtures.servers)
        #expect(lines[0] == #"{"id":"srv_abc123def456","name":"web-1","status":"running","region":"eu-west","labels":{"env":"prod","tier":"web"},"disk_bytes":21474836480,"created_at":"2024-01-16T10:30:00Z"}"#)
    }

    @Test("CSV has the column keys as header and raw values", arguments: [true, false])
    func csv(terminal: Bool) {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.csv, terminal: terminal))
        #expect(output == """
        id,name,status,region,labels,disk_bytes,created_at
        srv_abc123def456,web-1,running,eu-west,env=prod;tier=web,21474836480,2024-01-16T10:30:00Z
        srv_b2,"db, primary",failed,us-east,,512,2024-01-16T12:00:00Z

        """)
    }

    @Test("YAML streams one '- ' entry per item", arguments: [true, false])
    func yaml(terminal: Bool) {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.yaml, terminal: terminal))
        #expect(output == """
        - id: srv_abc123def456
          name: web-1
          status: running
          region: eu-west
          labels:
            env: prod
            tier: web
          disk_bytes: 21474836480
          created_at: "2024-01-16T10:30:00Z"
        - id: srv_b2
          name: db, primary
          status: failed
          region: us-east
          labels: {}
          disk_bytes: 512
          created_at: "2024-01-16T12:00:00Z"

        """)
    }

    @Test("an empty list in each format", arguments: [
        (OutputFormat.json, "[]\n"),
        (.yaml, "[]\n"),
        (.ndjson, ""),
        (.table, ""),
        (.csv, "id,name,status,region,labels,disk_bytes,created_at\n"),
    ])
    func emptyList(format: OutputFormat, expected: String) {
        #expect(Fixtures.list([], Fixtures.options(format, terminal: false)) == expected)
        #expect(Fixtures.list([], Fixtures.options(format, terminal: true)) == expected)
    }

    @Test("-q prints only IDs, one per line, in every format", arguments: OutputFormat.allCases)
    func quiet(format: OutputFormat) {
        for terminal in [true, false] {
            let output = Fixtures.list(Fixtures.servers, Fixtures.options(format, terminal: terminal, quiet: true))
            #expect(output == "srv_abc123def456\nsrv_b2\n")
        }
    }

    @Test("without columns, a list shows the first item's keys")
    func derivedColumns() {
        let items: [JSONValue] = [["id": "tok_1", "name": "ci"], ["id": "tok_2", "name": "deploy"]]
        let output = Fixtures.list(items, Fixtures.options(.table, terminal: false), columns: [])
        #expect(output == "ID     NAME\ntok_1  ci\ntok_2  deploy\n")
        let csv = Fixtures.list(items, Fixtures.options(.csv, terminal: false), columns: [])
        #expect(csv == "id,name\ntok_1,ci\ntok_2,deploy\n")
    }

    @Test("statuses are coloured only on a terminal with colour on")
    func statusColour() {
        let coloured = Fixtures.list(Fixtures.servers, Fixtures.options(.table, terminal: true, colour: true))
        #expect(coloured.contains("\u{1B}[32mrunning\u{1B}[0m  eu-west"))
        #expect(coloured.contains("\u{1B}[31mfailed\u{1B}[0m   us-east"))
        let piped = Fixtures.list(Fixtures.servers, Fixtures.options(.table, terminal: false, colour: true))
        #expect(!piped.contains("\u{1B}"))
        let noColour = Fixtures.list(Fixtures.servers, Fixtures.options(.table, terminal: true, colour: false))
        #expect(!noColour.contains("\u{1B}"))
    }
}
