import NSXJSON

/// Writes JSON data as YAML 1.2 in block style, so that any YAML reader (1.1 ones such as
/// PyYAML included) reads back exactly the JSON data: every string that a reader could take
/// for something else — `yes`, `null`, `0755`, `2024-01-16`, `: ` inside, a leading `*` —
/// is double-quoted, and control characters are always escaped.
enum YAMLEmitter {
    /// A whole document for one value.
    static func document(_ value: JSONValue) -> String {
        lines(for: value).joined(separator: "\n") + "\n"
    }

    /// One entry of a top-level sequence ("- …"), so lists can be written item by item.
    static func sequenceEntry(_ value: JSONValue) -> String {
        entryLines(for: value).joined(separator: "\n") + "\n"
    }

    /// The lines of a block node at column 0.
    static func lines(for value: JSONValue) -> [String] {
        if let inline = inlineScalar(value) { return [inline] }
        switch value {
        case .object(let object):
            var result: [String] = []
            for (key, member) in object {
                let label = quotedIfNeeded(key) + ":"
                if let inline = inlineScalar(member) {
                    result.append(label + " " + inline)
                } else {
                    result.append(label)
                    result += lines(for: member).map { "  " + $0 }
                }
            }
            return result
        case .array(let elements):
            return elements.flatMap(entryLines)
        default:
            return []  // scalars returned above
        }
    }

    private static func entryLines(for value: JSONValue) -> [String] {
        let body = lines(for: value)
        return ["- " + body[0]] + body.dropFirst().map { "  " + $0 }
    }

    /// The one-line form of scalars and empty containers; nil for containers with content.
    static func inlineScalar(_ value: JSONValue) -> String? {
        switch value {
        case .null: "null"
        case .bool(let bool): bool ? "true" : "false"
        case .number(let literal): literal
        case .string(let string): quotedIfNeeded(string)
        case .array(let elements): elements.isEmpty ? "[]" : nil
        case .object(let object): object.isEmpty ? "{}" : nil
        }
    }

    // MARK: Strings

    static func quotedIfNeeded(_ string: String) -> String {
        isSafePlain(string) ? string : doubleQuoted(string)
    }

    /// Words that some YAML schema (1.2 core or 1.1) resolves to something other than a string.
    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
        ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
    ]

    /// Characters that start YAML syntax when they begin a plain scalar.
    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]

    private static func isSafePlain(_ string: String) -> Bool {
        guard let first = string.first, let last = string.last else { return false }
        if indicators.contains(first) || first == " " || last == " " || last == ":" { return false }
        if reservedWords.contains(string.lowercased()) { return false }
        if string.hasPrefix("...") { return false }  // document end marker
        if looksNumeric(string) { return false }
        if string.contains(": ") || string.contains(" #") { return false }
        return string.unicodeScalars.allSatisfy(isPlainPrintable)
    }

    /// Anything a reader might take for a number, date or time: a leading digit, or a sign or
    /// dot before a digit. Quoting a harmless "3 apples" too is the price of never guessing wrong.
    private static func looksNumeric(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars.prefix(3))
        func isDigit(_ index: Int) -> Bool {
            index < scalars.count && ("0"..."9").contains(scalars[index])
        }
        if isDigit(0) { return true }
        guard let first = scalars.first else { return false }
        if first == "." { return isDigit(1) }
        if first == "+" || first == "-" { return isDigit(1) || (scalars.count > 1 && scalars[1] == "." && isDigit(2)) }
        return false
    }

    /// Printable in YAML and needing no escape: no tab or other controls, no line or
    /// paragraph separators, no byte order mark, no non-characters.
    private static func isPlainPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    static func doubleQuoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x00: result += "\\0"
            case 0x07: result += "\\a"
            case 0x08: result += "\\b"
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0B: result += "\\v"
            case 0x0C: result += "\\f"
            case 0x0D: result += "\\r"
            case 0x1B: result += "\\e"
            case 0x85: result += "\\N"
            case 0x2028: result += "\\L"
            case 0x2029: result += "\\P"
            case 0x01..<0x20, 0x7F...0x9F: result += "\\x" + hex(scalar.value, digits: 2)
            case 0xFEFF, 0xFFFE, 0xFFFF: result += "\\u" + hex(scalar.value, digits: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
