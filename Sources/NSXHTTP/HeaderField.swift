/// Header text on its way into libcurl's header list and out of the response.
enum HeaderField {
    /// CR and LF removed, so no value can smuggle in a second header or end the block.
    static func stripped(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }

    /// A name fit for a header line: no CR/LF, and none of the characters that would end it.
    static func name(_ text: String) -> String {
        stripped(text).filter { $0 != ":" && $0 != ";" && $0 != " " && $0 != "\t" }
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
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = String(line[..<colon]).trimmingBlanks()
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        let value = stripped(String(line[line.index(after: colon)...])).trimmingBlanks()
        return (name, value)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
