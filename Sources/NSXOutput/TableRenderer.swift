/// Lays out rows of cells as an aligned table: columns separated by two spaces, no
/// trailing spaces, and — on a terminal — fitted to its width: first the columns of lowest
/// priority give way (each view declares the order), then text columns such as names are
/// cut with "…". IDs, addresses, statuses, times and sizes are never cut. Piped output is
/// never fitted.
struct TableRenderer {
    struct Cell {
        var text: String
        /// Coloured by meaning when colour is on.
        var isStatus = false
    }

    let columns: [Column]
    let options: OutputOptions

    /// Text columns keep at least this many columns when they are cut (or their header's width).
    private static let minimumTruncatedWidth = 6

    func render(_ rows: [[Cell]]) -> String {
        // Headers may come from server-provided keys, so they are escaped like cells.
        let headers = options.noHeaders ? nil : columns.map { terminalSafe($0.header(onTerminal: options.terminal)) }
        let fitted = fit(naturalWidths(rows: rows, headers: headers), headers: headers)
        let shown = columns.indices.filter { fitted[$0] != nil }
        let widths = shown.map { fitted[$0]! }
        let style = Style(enabled: options.usesColour)
        var output = ""
        if let headers {
            output += line(shown.map { Cell(text: headers[$0]) }, widths: widths, style: style)
        }
        for row in rows {
            output += line(shown.map { $0 < row.count ? row[$0] : Cell(text: "") }, widths: widths, style: style)
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

    /// Each column's width, or nil for one that gave way. Piped output keeps everything whole.
    private func fit(_ natural: [Int], headers: [String]?) -> [Int?] {
        var widths: [Int?] = natural
        guard options.terminal, options.width > 0 else { return widths }
        func excess() -> Int {
            let shown = widths.compactMap { $0 }
            return shown.reduce(2 * max(0, shown.count - 1), +) - options.width
        }
        // 1. Columns give way, lowest priority first.
        let givingWay = columns.indices.filter { columns[$0].priority != nil }.sorted { columns[$0].priority! < columns[$1].priority! }
        for index in givingWay where excess() > 0 {
            widths[index] = nil
        }
        // 2. Then text is cut, the widest first, down to a minimum.
        let minimums = columns.indices.map { index in
            min(natural[index], max(Self.minimumTruncatedWidth, headers.map { DisplayWidth.of($0[index]) } ?? 0))
        }
        var over = excess()
        while over > 0 {
            let candidates = columns.indices.filter { index in
                isTruncatable(columns[index].style) && (widths[index] ?? 0) > minimums[index]
            }
            guard let widest = candidates.max(by: { widths[$0]! < widths[$1]! }) else { break }
            widths[widest]! -= 1
            over -= 1
        }
        return widths
    }

    private func isTruncatable(_ style: Column.Style) -> Bool {
        switch style {
        case .plain, .list, .map: true
        case .id, .address, .status, .time, .bytes: false
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
