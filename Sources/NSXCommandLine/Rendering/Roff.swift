/// Escaping and building blocks for man(7) pages. Text lines are kept within 80 bytes,
/// as `mandoc -Tlint` asks: prose is refilled (the formatter joins the lines again), and a
/// long line that must stay one line is continued with an escaped newline.
enum Roff {
    /// Input lines longer than this draw a style warning from mandoc.
    static let lineLimit = 80

    /// A line's length in bytes (escaped text is ASCII).
    static func measured(_ text: String) -> Int { text.utf8.count }

    /// Text safe as roff input: backslashes kept literal, `-` as `\-` (so options stay
    /// ASCII dashes and are not hyphenated), and a line starting with `.` or `'` guarded
    /// with `\&` so it is not taken for a request.
    static func escaped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { guardLine(escapedWord(String($0))) }
            .joined(separator: "\n")
    }

    /// Backslashes and dashes escaped, and anything beyond ASCII as `\[u2026]` (as mandoc
    /// reads it anyway, and groff without preconv): a piece of a line.
    private static func escapedWord(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            case _ where scalar.isASCII: result.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return result
    }

    /// `\&` before a line that would otherwise read as a request.
    private static func guardLine(_ line: String) -> String {
        line.first == "." || line.first == "'" ? "\\&" + line : line
    }

    /// An argument of a request such as `.SS`, in double quotes.
    static func quotedArgument(_ text: String) -> String {
        "\"" + escaped(text).replacingAll("\"", with: "\\(dq") + "\""
    }

    static func bold(_ text: String) -> String { "\\fB" + escaped(text) + "\\fR" }

    static func italic(_ text: String) -> String { "\\fI" + escaped(text) + "\\fR" }

    /// `nsx\-servers(1)` in bold, as SEE ALSO and references name a page.
    static func reference(_ page: String, section: String) -> String { bold(page) + "(" + section + ")" }

    /// Prose as filled text lines of at most `lineLimit` bytes, escaped. Pieces already in
    /// roff (`\fB…\fR`) may lead: they are kept whole.
    static func filled(_ text: String, leading: String? = nil) -> [String] {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { escapedWord(String($0)) }
        if let leading { words.insert(leading, at: 0) }
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = guardLine(word)
            } else if measured(line) + 1 + measured(word) <= lineLimit {
                line += " " + word
            } else {
                lines.append(line)
                line = guardLine(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// One line of no-fill text (an example, a table row), escaped; when it is longer than
    /// `lineLimit` bytes it is cut at blanks and continued with an escaped newline, so the
    /// reader still sees one line.
    static func unfilled(_ text: String) -> [String] {
        let escaped = guardLine(escapedWord(text))
        guard measured(escaped) > lineLimit else { return [escaped] }
        var lines: [String] = []
        var line = ""
        for piece in escaped.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty && lines.isEmpty {
                line = piece
            } else if measured(line) + 1 + measured(piece) + 2 <= lineLimit {
                line += " " + piece
            } else {
                // The blank stays before the break: `\` joins the next line on directly.
                lines.append(line + " \\")
                line = piece
            }
        }
        lines.append(line)
        return lines
    }

    /// Paragraphs as roff: prose is filled by the formatter, preformatted blocks are not.
    static func paragraphs(_ text: String) -> [String] {
        TextLayout.paragraphs(text).flatMap { paragraph -> [String] in
            switch paragraph {
            case .prose(let prose):
                return [".PP"] + filled(prose)
            case .preformatted(let lines):
                return [".PP", ".nf"] + lines.flatMap(unfilled) + [".fi"]
            }
        }
    }

    /// A tagged paragraph: the term on its own line, the text indented below.
    static func tagged(_ term: String, _ text: String) -> [String] {
        [".TP", term] + filled(text)
    }
}
