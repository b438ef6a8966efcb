import Foundation
import NSXJSON
import NSXOutput
import NSXTime

/// Shared data and helpers for the output tests.
enum Fixtures {
    /// 2024-01-16T12:30:00Z: two hours after the first server was created.
    static let now = Timestamp(seconds: 1_705_408_200)

    static let servers: [JSONValue] = [
        [
            "id": "srv_abc123def456", "name": "web-1", "status": "running", "region": "eu-west",
            "labels": ["env": "prod", "tier": "web"], "disk_bytes": 21_474_836_480,
            "created_at": "2024-01-16T10:30:00Z",
        ],
        [
            "id": "srv_b2", "name": "db, primary", "status": "failed", "region": "us-east",
            "labels": [:], "disk_bytes": 512, "created_at": "2024-01-16T12:00:00Z",
        ],
    ]

    static let columns: [Column] = [
        Column("id", style: .id),
        Column("name"),
        Column("status", style: .status),
        Column("region"),
        Column("labels", style: .map),
        Column("disk_bytes", header: "DISK", style: .bytes),
        Column("created_at", header: "CREATED", style: .time),
    ]

    static let availableFields = ["id", "name", "status", "region", "labels", "disk_bytes", "created_at"]

    static func options(
        _ format: OutputFormat, terminal: Bool, fields: [String]? = nil, noHeaders: Bool = false,
        quiet: Bool = false, colour: Bool = false, width: Int = 200
    ) -> OutputOptions {
        OutputOptions(format: format, fields: fields, noHeaders: noHeaders, quiet: quiet,
                      colour: colour, terminal: terminal, width: width, now: now)
    }

    /// Renders `items` through a ListWriter, written one page (of `pageSize`) at a time.
    static func list(_ items: [JSONValue], _ options: OutputOptions, columns: [Column] = columns, pageSize: Int = 1) -> String {
        let sink = BufferSink()
        let writer = ListWriter(options: options, columns: columns, sink: sink)
        var start = 0
        while start < items.count {
            writer.write(Array(items[start..<min(items.count, start + pageSize)]))
            start += pageSize
        }
        writer.finish()
        return sink.text
    }

    static func object(_ value: JSONValue, _ options: OutputOptions, columns: [Column] = columns) -> String {
        let sink = BufferSink()
        renderObject(value, columns: columns, options: options, sink: sink)
        return sink.text
    }
}

/// A tiny RFC 4180 reader, so CSV output is checked by parsing it back.
enum CSVReader {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
