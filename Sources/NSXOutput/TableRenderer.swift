/// Lays out rows of cells as an aligned table: columns separated by two spaces, no
/// trailing spaces, and — on a terminal — fitted to its width by truncating the widest
/// text columns with "…" (IDs, statuses, times and sizes are never cut).
struct TableRenderer {
    struct Cell {
        var text: String
        /// Coloured by meaning when colour is on.
        var isStatus = false
    }

    let columns: [Column]
    let options: OutputOptions

    /// Text columns give way first when a table is too wide; they keep at least this many columns.
    private static let minimumTruncatedWidth = 6

    func render(_ rows: [[Cell]]) -> String {
        // Headers may come from server-provided keys, so they are escaped like cells.
        let headers = options.noHeaders ? nil : columns.map { terminalSafe($0.header) }
        let widths = fittedWidths(naturalWidths(rows: rows, headers: headers), headers: headers)
        let style = Style(enabled: options.usesColour)
        var output = ""
        if let headers {
            output += line(headers.map { Cell(text: $0) }, widths: widths, style: style)
        }
        for row in rows {
            output += line(row, widths: widths, style: style)
        }
        return output
    }

    private func naturalWidths(rows: [[Cell]], headers: [String]?) -> [Int] {
        var widths = headers?.map(DisplayWidth.of) ?? Array(repeating: 0, count: columns.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell.text))
            }
        }
        return widths
    }

    /// Shrinks the widest truncatable column one step at a time until the table fits or
    /// every truncatable column is at its minimum; piped output is never fitted.
    private func fittedWidths(_ natural: [Int], headers: [String]?) -> [Int] {
        guard options.terminal, options.width > 0 else { return natural }
        var widths = natural
        let separators = 2 * max(0, widths.count - 1)
        var excess = widths.reduce(separators, +) - options.width
        let minimums = columns.indices.map { index in
            min(natural[index], max(Self.minimumTruncatedWidth, headers.map { DisplayWidth.of($0[index]) } ?? 0))
        }
        while excess > 0 {
            let candidates = columns.indices.filter { isTruncatable(columns[$0].style) && widths[$0] > minimums[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }

    private func isTruncatable(_ style: Column.Style) -> Bool {
        switch style {
        case .plain, .list, .map: true
        case .id, .status, .time, .bytes: false
        }
    }

    private func line(_ cells: [Cell], widths: [Int], style: Style) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let width = widths[index]
            let text = DisplayWidth.truncate(cell.text, to: width)
            let shown = cell.isStatus ? style.status(text) : text
            let isLast = index == cells.count - 1
            let padding = isLast ? 0 : max(0, width - DisplayWidth.of(text))
            parts.append(shown + String(repeating: " ", count: padding))
        }
        return parts.joined(separator: "  ") + "\n"
    }
}
