/// A path as git prints it in a diff header: as is, or C-quoted (`"a\tb/caf\303\251"`)
/// when it holds a quote, a backslash, a control character or (with the default
/// `core.quotePath`) a byte from 0x80 up.
enum GitQuotedPath {
    static func unquote(_ text: ArraySlice<UInt8>) -> [UInt8] {
        guard text.count >= 2, text.first == UInt8(ascii: "\""), text.last == UInt8(ascii: "\"") else { return Array(text) }
        var result: [UInt8] = []
        var index = text.startIndex + 1
        let end = text.endIndex - 1
        while index < end {
            let byte = text[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < end else {
                result.append(byte)
                continue
            }
            let escaped = text[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "a"): result.append(0x07)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "v"): result.append(0x0B)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "0")...UInt8(ascii: "3"):
                // Three octal digits: one byte.
                var value = Int(escaped - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < end, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(text[index]) {
                    value = value * 8 + Int(text[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                result.append(UInt8(truncatingIfNeeded: value))
            default:
                result.append(escaped)   // \" and \\
            }
        }
        return result
    }
}
