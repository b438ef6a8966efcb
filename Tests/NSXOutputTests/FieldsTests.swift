import NSXJSON
import NSXOutput
import Testing

@Suite("--fields")
struct FieldsTests {
    @Test("field lists are split, trimmed and de-duplicated", arguments: [
        ("id,name", ["id", "name"]),
        (" id , name ,, labels.env ", ["id", "name", "labels.env"]),
        ("name,id,name", ["name", "id"]),
        ("", []),
    ])
    func parsing(text: String, expected: [String]) {
        #expect(parseFieldList(text) == expected)
    }

    @Test("known fields and paths below them are valid", arguments: [
        ["id"], ["name", "id"], ["labels.env"], ["labels.app.kubernetes.io/name", "created_at"],
    ])
    func valid(fields: [String]) throws {
        try validateFields(fields, available: Fixtures.availableFields)
    }

    @Test("unknown fields are an error listing the valid ones")
    func unknown() {
        let error = #expect(throws: OutputError.self) {
            try validateFields(["id", "nmae", "labelsx.env"], available: Fixtures.availableFields)
        }
        #expect(error == .unknownFields(["nmae", "labelsx.env"], available: Fixtures.availableFields))
        #expect(error?.description
            == #"unknown fields "nmae", "labelsx.env" for --fields; valid fields: id, name, status, region, labels, disk_bytes, created_at"#)
        let single = OutputError.unknownFields(["x"], available: ["id"])
        #expect(single.description == #"unknown field "x" for --fields; valid fields: id"#)
    }

    @Test("an empty field list is an error")
    func empty() {
        #expect(throws: OutputError.noFields) { try validateFields([], available: ["id"]) }
    }

    @Test("tables show the chosen columns in order, keeping known headers and styles")
    func table() {
        let options = Fixtures.options(.table, terminal: true, fields: ["created_at", "name", "labels.env", "labels.none"])
        #expect(Fixtures.list(Fixtures.servers, options) == """
        CREATED         NAME         LABELS.ENV  LABELS.NONE
        2 hours ago     web-1        prod        -
        30 minutes ago  db, primary  -           -

        """)
    }

    @Test("JSON, NDJSON and YAML keep only the chosen keys, nested paths as dotted keys")
    func structuredFormats() throws {
        let fields = ["name", "labels.env", "id"]
        let json = try JSONValue.parse(Fixtures.list(Fixtures.servers, Fixtures.options(.json, terminal: false, fields: fields)))
        #expect(json == [
            ["name": "web-1", "labels.env": "prod", "id": "srv_abc123def456"],
            ["name": "db, primary", "labels.env": nil, "id": "srv_b2"],
        ])
        let ndjson = Fixtures.list(Fixtures.servers, Fixtures.options(.ndjson, terminal: false, fields: fields))
        #expect(ndjson.split(separator: "\n").first == #"{"name":"web-1","labels.env":"prod","id":"srv_abc123def456"}"#)
        let yaml = Fixtures.list(Fixtures.servers, Fixtures.options(.yaml, terminal: false, fields: fields))
        #expect(yaml.hasPrefix("- name: web-1\n  labels.env: prod\n  id: srv_abc123def456\n- name: db, primary\n"))
    }

    @Test("CSV uses the chosen keys as its header")
    func csv() {
        let output = Fixtures.list(Fixtures.servers, Fixtures.options(.csv, terminal: false, fields: ["id", "labels.tier"]))
        #expect(output == "id,labels.tier\nsrv_abc123def456,web\nsrv_b2,\n")
    }

    @Test("a single object keeps only the chosen keys in every format")
    func object() {
        let server = Fixtures.servers[0]
        #expect(Fixtures.object(server, Fixtures.options(.table, terminal: false, fields: ["name", "labels.env"]))
            == "name:        web-1\nlabels.env:  prod\n")
        #expect(Fixtures.object(server, Fixtures.options(.ndjson, terminal: false, fields: ["status", "id"]))
            == #"{"status":"running","id":"srv_abc123def456"}"# + "\n")
        #expect(Fixtures.object(server, Fixtures.options(.yaml, terminal: false, fields: ["status"])) == "status: running\n")
        #expect(Fixtures.object(server, Fixtures.options(.csv, terminal: false, fields: ["region", "id"]))
            == "region,id\neu-west,srv_abc123def456\n")
    }
}
