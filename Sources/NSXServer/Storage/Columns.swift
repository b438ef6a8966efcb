import GRDB

/// The current result row of a statement, read by column position straight from SQLite.
///
/// GRDB's `Row`, made from a statement, first builds a dictionary of the statement's column
/// names, lowercased, so that it can also be read by name; for a lookup of one row that
/// dictionary was most of the cost of the read (docs/BENCHMARKS.md). Tables that select an
/// explicit column list and decode by position read their rows through this instead.
struct Columns {
    fileprivate let statement: SQLiteStatement

    /// The value of column `index`; an optional type reads NULL as nil. A value SQLite cannot
    /// give as `Value` is a programming error (a column list out of step with its decoder),
    /// as it is for GRDB's `Row`.
    subscript<Value: StatementColumnConvertible>(_ index: Int) -> Value {
        guard let value = Value.fromStatement(statement, atUncheckedIndex: CInt(index)) else {
            fatalError("column \(index) cannot be read as \(Value.self)")
        }
        return value
    }
}

/// A table's columns in the order its decoder reads them, and the same list as SQL.
struct ColumnList {
    let names: [String]
    let sql: String

    init(_ names: [String]) {
        self.names = names
        sql = names.joined(separator: ", ")
    }
}

extension Statement {
    /// Every row of the statement with `arguments`, each decoded while it is current.
    func fetchAll<Item>(arguments: StatementArguments, decode: @escaping (Columns) -> Item) throws -> [Item] {
        let cursor = try ColumnsCursor(statement: self, arguments: arguments, decode: decode)
        return try Array(cursor)
    }

    /// The first row, read to the end so the statement finishes and holds no read lock.
    func fetchFirst<Item>(arguments: StatementArguments, decode: @escaping (Columns) -> Item) throws -> Item? {
        try fetchAll(arguments: arguments, decode: decode).first
    }
}

/// A GRDB cursor over a statement's rows, with GRDB's own stepping and error handling.
private final class ColumnsCursor<Element>: DatabaseCursor {
    let _statement: Statement
    var _isDone = false
    private let decode: (Columns) -> Element

    init(statement: Statement, arguments: StatementArguments, decode: @escaping (Columns) -> Element) throws {
        _statement = statement
        self.decode = decode
        try statement.setArguments(arguments)  // resets the statement first
    }

    func _element(sqliteStatement: SQLiteStatement) throws -> Element {
        decode(Columns(statement: sqliteStatement))
    }
}
