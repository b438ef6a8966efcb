/// Header text on its way into libcurl's header list and out of the response.
///
/// Everything here works on UTF-8 bytes: the characters it looks for (CR, LF, colon,
/// semicolon, space, tab) are ASCII, so they never occur inside a multi-byte sequence, and
/// walking bytes avoids the grapheme breaking and generic wrappers that made header
/// handling a tenth of a `servers get` (docs/BENCHMARKS.md).
enum HeaderField {
    /// CR and LF removed, so no value can smuggle in a second header or end the block.
    static func stripped(_ text: Substring) -> String {
        let breaks: (UInt8) -> Bool = { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        guard text.utf8.contains(where: breaks) else { return String(text) }
        return String(decoding: text.utf8.filter { !breaks($0) }, as: UTF8.self)
    }

    static func stripped(_ text: String) -> String { stripped(text[...]) }

    /// A name fit for a header line: no CR/LF, and none of the characters that would end it.
    static func name(_ text: String) -> String {
        let ends: (UInt8) -> Bool = {
            switch $0 {
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: " "),
                 UInt8(ascii: "\t"):
                true
            default:
                false
            }
        }
        guard text.utf8.contains(where: ends) else { return text }
        return String(decoding: text.utf8.filter { !ends($0) }, as: UTF8.self)
    }

    /// A value fit for a header line: no CR/LF, no surrounding blanks.
    static func value(_ text: String) -> String {
        stripped(text).trimmingBlanks()
    }

    /// The line for `CURLOPT_HTTPHEADER`, from a sanitised name and value. libcurl drops
    /// `Name:` with nothing after it (that is how one removes a default header);
    /// `Name;` is its spelling of an empty value.
    static func requestLine(name: String, value: String) -> String {
        value.isEmpty ? "\(name);" : "\(name): \(value)"
    }

    /// Removes a default header libcurl would otherwise add.
    static func suppression(of name: String) -> String { "\(name):" }

    /// One received header line split into name and value; nil for status and blank lines.
    static func parse(line: String) -> (String, String)? {
        guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = line[..<colon].trimmingBlanks()
        guard !name.isEmpty, !name.utf8.contains(UInt8(ascii: " ")) else { return nil }
        let value = stripped(line[line.utf8.index(after: colon)...]).trimmingBlanks()
        return (name, value)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }),
              let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first..<bytes.index(after: last)])
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String { self[...].trimmingBlanks() }
}
