import NSXJSON

/// Writes a list of results in the chosen format as items arrive, page by page:
///
/// - `json`: one valid, pretty-printed array written incrementally (`[` with the first
///   item, `]` on `finish()`; an empty list is `[]`).
/// - `ndjson`: one compact object per line. `csv`: a header row, then one row per item.
/// - `yaml`: one `- ` entry per item (an empty list is `[]`).
/// - `-q`: each item's `id` on its own line, whatever the format.
/// - `table`: rows are held until `finish()`. Column widths must be known before the
///   first row is printed, and widths computed per page would misalign the columns of
///   different pages, so tables (which are for people, not for piping huge lists) are the
///   one format that is buffered whole.
public final class ListWriter {
    private let options: OutputOptions
    private let defaultColumns: [Column]
    private let sink: TextSink
    private var columns: [Column]?
    private var tableRows: [[TableRenderer.Cell]] = []
    private var finished = false

    /// How many items have been written.
    public private(set) var count = 0

    /// - Parameter columns: the table's default columns (and CSV's, by key); `--fields`
    ///   in `options` replaces them. With no columns at all, the first item's keys are used.
    public init(options: OutputOptions, columns: [Column], sink: TextSink) {
        self.options = options
        self.defaultColumns = columns
        self.sink = sink
    }

    public func write(_ items: [JSONValue]) {
        for item in items { write(item) }
    }

    public func write(_ item: JSONValue) {
        precondition(!finished, "ListWriter.write after finish()")
        defer { count += 1 }
        if options.quiet {
            if let id = idLine(of: item) { sink.write(id) }
            return
        }
        switch options.format {
        case .json:
            let text = projected(item, fields: options.fields).serialized(pretty: true, terminalSafe: options.terminal)
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            sink.write((count == 0 ? "[\n" : ",\n") + indented)
        case .ndjson:
            sink.write(projected(item, fields: options.fields).serialized(terminalSafe: options.terminal) + "\n")
        case .yaml:
            sink.write(YAMLEmitter.sequenceEntry(projected(item, fields: options.fields)))
        case .csv:
            let columns = resolvedColumns(firstItem: item)
            if count == 0, !options.noHeaders { sink.write(csvHeader(columns)) }
            let cells = CellText(options: options)
            sink.write(CSVEncoder.record(columns.map { cells.forCSV(item[$0.key]) }))
        case .table:
            let cells = CellText(options: options)
            tableRows.append(resolvedColumns(firstItem: item).map { column in
                TableRenderer.Cell(text: cells.forTable(item[column.key], style: column.style), isStatus: column.style == .status)
            })
        }
    }

    /// Closes the output: ends the JSON array, prints the buffered table, or writes the
    /// form an empty list takes. Calling it again does nothing.
    public func finish() {
        guard !finished else { return }
        finished = true
        if options.quiet { return }
        switch options.format {
        case .json:
            sink.write(count == 0 ? "[]\n" : "\n]\n")
        case .yaml:
            if count == 0 { sink.write("[]\n") }
        case .csv:
            if count == 0, !options.noHeaders {
                let columns = resolvedColumns(firstItem: nil)
                if !columns.isEmpty { sink.write(csvHeader(columns)) }
            }
        case .table:
            // An empty list prints nothing: the CLI says "no results" on stderr.
            guard !tableRows.isEmpty else { return }
            sink.write(TableRenderer(columns: resolvedColumns(firstItem: nil), options: options).render(tableRows))
            tableRows = []
        case .ndjson:
            break
        }
    }

    /// CSV headers are the keys, so scripts can name columns by the same key paths as `--fields`.
    private func csvHeader(_ columns: [Column]) -> String {
        CSVEncoder.record(columns.map { options.terminal ? terminalSafe($0.key) : $0.key })
    }

    private func idLine(of item: JSONValue) -> String? {
        guard let id = item["id"], !id.isNull else { return nil }
        let text = CellText.inline(id)
        return (options.terminal ? terminalSafe(text) : text) + "\n"
    }

    /// The columns, fixed by the first item when neither defaults nor fields name any.
    private func resolvedColumns(firstItem: JSONValue?) -> [Column] {
        if let columns { return columns }
        var resolved = selectedColumns(defaultColumns, fields: options.fields)
        if resolved.isEmpty, let keys = firstItem?.objectValue?.keys {
            resolved = keys.map { Column($0, style: inferredStyle(forKey: $0)) }
        }
        if resolved.isEmpty, firstItem == nil { return resolved }
        columns = resolved
        return resolved
    }
}
