import GRDB
import NSXJSON

/// Position after the last item of a page. Lists are ordered by `seq`, a number every row
/// takes from one counter as it is inserted (Migrations.swift), so the order is exactly
/// creation order and a row created while a client pages always lands after its cursor.
public struct Cursor: Sendable, Equatable {
    public var sequence: Int

    public init(sequence: Int) {
        self.sequence = sequence
    }

    /// Opaque to clients: base64url of `v2:<seq>`.
    public var encoded: String { Base64URL.encode(Array("v2:\(sequence)".utf8)) }

    /// A cursor this server issued; nil for anything else (including the `v1` cursors of
    /// earlier releases, which named a position in the old order).
    public init?(encoded: String) {
        guard !encoded.isEmpty, encoded.utf8.count <= 200, let bytes = Base64URL.decode(encoded) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix("v2:"), let sequence = Int(text.dropFirst(3)), sequence >= 0 else { return nil }
        self.sequence = sequence
    }
}

public struct PageRequest: Sendable, Equatable {
    public static let defaultLimit = 20
    public var limit: Int
    public var after: Cursor?
}

struct Page<Item> {
    var items: [Item]
    var nextCursor: Cursor?

    func meta(limit: Int) -> JSONValue {
        .object([
            "limit": .int(limit),
            "next_cursor": .optional(nextCursor?.encoded),
            "has_more": .bool(nextCursor != nil),
        ])
    }
}

/// Builds a filtered, keyset-paginated `SELECT` over one table, in creation order.
struct ListQuery {
    var table: String
    /// What to select, in the order the table's decoder reads; `seq`, the cursor, comes after.
    var columns: ColumnList
    var conditions: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []

    mutating func filter(_ condition: String, _ values: (any DatabaseValueConvertible)?...) {
        conditions.append(condition)
        arguments.append(contentsOf: values)
    }

    func fetch<Item>(_ db: Database, page: PageRequest, decode: @escaping (Columns) -> Item) throws -> Page<Item> {
        var conditions = conditions
        var arguments = arguments
        if let after = page.after {
            conditions.append("seq > ?")
            arguments.append(after.sequence)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(columns.sql), seq FROM \(table)\(whereClause) ORDER BY seq LIMIT \(page.limit + 1)"
        let seqIndex = columns.names.count
        let rows = try db.makeStatement(sql: sql).fetchAll(arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null })) { row in
            (item: decode(row), sequence: row[seqIndex] as Int)
        }
        let pageRows = rows.prefix(page.limit)
        let next = rows.count > page.limit ? pageRows.last.map { Cursor(sequence: $0.sequence) } : nil
        return Page(items: pageRows.map(\.item), nextCursor: next)
    }
}
