/// RFC 4180 records, one per line ending in "\n".
enum CSVEncoder {
    static func record(_ fields: [String]) -> String {
        fields.map(quotedIfNeeded).joined(separator: ",") + "\n"
    }

    /// A field is quoted when it holds a comma, quote or line break (RFC 4180 §2.6), or
    /// starts or ends with a space that a lenient reader might trim.
    static func quotedIfNeeded(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
        } || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
