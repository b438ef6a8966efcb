import Foundation
import GRDB

/// Position after the last item of a page: lists are ordered by `(created_at, id)`, so a
/// keyset cursor never skips or repeats an item however many rows other clients insert.
public struct Cursor: Sendable, Equatable {
    public var createdAt: Int
    public var id: String

    /// Opaque to clients: base64url of `v1:<created_at>:<id>`.
    public var encoded: String {
        Data("v1:\(createdAt):\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public init(createdAt: Int, id: String) {
        self.createdAt = createdAt
        self.id = id
    }

    public init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !encoded.isEmpty, encoded.utf8.count <= 200, !base64.contains("=") else { return nil }
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let createdAt = Int(parts[1]), !parts[2].isEmpty else { return nil }
        self.createdAt = createdAt
        self.id = String(parts[2])
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

    func meta(limit: Int) -> JSON {
        .object([
            "limit": .int(limit),
            "next_cursor": .optional(nextCursor?.encoded),
            "has_more": .bool(nextCursor != nil),
        ])
    }
}

/// Builds a filtered, keyset-paginated `SELECT` over one table.
struct ListQuery {
    var table: String
    var conditions: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []

    mutating func filter(_ condition: String, _ values: (any DatabaseValueConvertible)?...) {
        conditions.append(condition)
        arguments.append(contentsOf: values)
    }

    func fetch<Item>(_ db: Database, page: PageRequest, decode: (Row) -> Item, cursor: (Item) -> Cursor) throws -> Page<Item> {
        var conditions = conditions
        var arguments = arguments
        if let after = page.after {
            conditions.append("(created_at, id) > (?, ?)")
            arguments.append(after.createdAt)
            arguments.append(after.id)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT * FROM \(table)\(whereClause) ORDER BY created_at, id LIMIT \(page.limit + 1)"
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null }))
        let items = rows.prefix(page.limit).map(decode)
        let next = rows.count > page.limit ? items.last.map(cursor) : nil
        return Page(items: items, nextCursor: next)
    }
}
