/// Escaping and building blocks for man(7) pages.
enum Roff {
    /// Text safe as roff input: backslashes kept literal, `-` as `\-` (so options stay
    /// ASCII dashes and are not hyphenated), and a line starting with `.` or `'` guarded
    /// with `\&` so it is not taken for a request.
    static func escaped(_ text: String) -> String {
        let body = text.replacingAll("\\", with: "\\e").replacingAll("-", with: "\\-")
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.first == "." || line.first == "'" ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }

    /// An argument of a request such as `.SS`, in double quotes.
    static func quotedArgument(_ text: String) -> String {
        "\"" + escaped(text).replacingAll("\"", with: "\\(dq") + "\""
    }

    static func bold(_ text: String) -> String { "\\fB" + escaped(text) + "\\fR" }

    static func italic(_ text: String) -> String { "\\fI" + escaped(text) + "\\fR" }

    /// Paragraphs as roff: prose is filled by the formatter, preformatted blocks are not.
    static func paragraphs(_ text: String) -> [String] {
        TextLayout.paragraphs(text).flatMap { paragraph -> [String] in
            switch paragraph {
            case .prose(let prose):
                return [".PP", escaped(prose)]
            case .preformatted(let lines):
                return [".PP", ".nf"] + lines.map(escaped) + [".fi"]
            }
        }
    }

    /// A tagged paragraph: the term on its own line, the text indented below.
    static func tagged(_ term: String, _ text: String) -> [String] {
        [".TP", term] + (text.isEmpty ? [] : [escaped(text)])
    }
}
