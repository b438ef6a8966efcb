/// Word wrapping and two-column layout for plain-text help.
/// Widths count characters, assuming a monospaced terminal.
enum TextLayout {
    /// Reflows `text` into lines of at most `width` characters, every line starting
    /// with `indent` spaces. A word longer than the room gets a line of its own.
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let prefix = String(repeating: " ", count: indent)
        let room = max(width - indent, 1)
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= room {
                line += " " + word
            } else {
                lines.append(prefix + line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(prefix + line) }
        return lines
    }

    /// Text split at blank lines. A block whose lines start with a space or tab is kept
    /// as written (preformatted); any other block is reflowed.
    static func paragraphs(_ text: String) -> [Paragraph] {
        var blocks: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !blocks[blocks.count - 1].isEmpty { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        return blocks.filter { !$0.isEmpty }.map { lines in
            if lines.allSatisfy({ $0.first == " " || $0.first == "\t" }) {
                return .preformatted(lines.map(String.init))
            }
            return .prose(lines.flatMap { $0.split(whereSeparator: \.isWhitespace) }.joined(separator: " "))
        }
    }

    enum Paragraph: Equatable {
        case prose(String)
        case preformatted([String])
    }

    /// Paragraphs laid out for a terminal: prose wrapped, preformatted lines kept.
    static func block(_ text: String, width: Int, indent: Int = 0) -> [String] {
        var lines: [String] = []
        for (index, paragraph) in paragraphs(text).enumerated() {
            if index > 0 { lines.append("") }
            switch paragraph {
            case .prose(let prose):
                lines += wrap(prose, width: width, indent: indent)
            case .preformatted(let verbatim):
                lines += verbatim.map { String(repeating: " ", count: indent) + $0 }
            }
        }
        return lines
    }

    /// Rows of `term   description`, descriptions aligned in one column and wrapped
    /// under it. A term too long for the column puts its description on the next line.
    static func columns(_ rows: [(term: String, text: String)], width: Int, indent: Int = 2, gap: Int = 3) -> [String] {
        let longest = rows.map(\.term.count).max() ?? 0
        // Up to three fifths of the width for terms, so descriptions keep some room.
        let column = min(indent + longest + gap, max(width * 3 / 5, indent + gap))
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for row in rows {
            let wrapped = wrap(row.text, width: width, indent: column)
            let head = pad + row.term
            guard let first = wrapped.first else {
                lines.append(head)
                continue
            }
            if head.count + gap <= column {
                lines.append(head + String(repeating: " ", count: column - head.count) + first.dropFirst(column))
                lines += wrapped.dropFirst()
            } else {
                lines.append(head)
                lines += wrapped
            }
        }
        return lines
    }
}
