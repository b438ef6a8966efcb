extension JSONValue {
    /// The value as JSON text: compact (`{"a":1}`) or pretty-printed with two-space
    /// indentation in jq's layout. Keys keep their stored order; `/` is not escaped;
    /// C0 controls, `"` and `\` are escaped as JSON requires.
    ///
    /// - Parameter terminalSafe: also escape DEL and the C1 controls (U+007F–U+009F) as
    ///   `\u00XX`, which JSON allows and which keeps server text from reaching a terminal raw.
    public func serialized(pretty: Bool = false, terminalSafe: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty, terminalSafe: terminalSafe), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(pretty:terminalSafe:)`, for request bodies and files.
    public func serializedBytes(pretty: Bool = false, terminalSafe: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, terminalSafe: terminalSafe)
        writer.write(self, depth: 0)
        return writer.output
    }
}

/// Appends JSON text to a byte buffer.
struct JSONWriter {
    let pretty: Bool
    let terminalSafe: Bool
    var output: [UInt8] = []

    init(pretty: Bool, terminalSafe: Bool) {
        self.pretty = pretty
        self.terminalSafe = terminalSafe
        output.reserveCapacity(256)
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let bool): append(bool ? "true" : "false")
        case .number(let literal): output.append(contentsOf: literal.utf8)
        case .string(let string): writeString(string)
        case .array(let elements):
            guard !elements.isEmpty else { return append("[]") }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth: depth)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { return append("{}") }
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in object {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                newline(depth: depth + 1)
                writeString(key)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(member, depth: depth + 1)
            }
            newline(depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(depth: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { writeEscaped($0) }
        output.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one go (most strings are one run) and
    /// escapes the rest; a byte-at-a-time append was an eighth of a server GET's JSON work.
    private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !needsEscape(byte) {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0xC2:
                // Only under terminalSafe: U+0080–U+009F are encoded as C2 80 … C2 9F.
                if index < bytes.count, (0x80...0x9F).contains(bytes[index]) {
                    appendUnicodeEscape(bytes[index])
                    index += 1
                } else {
                    output.append(byte)
                }
            default: appendUnicodeEscape(byte)  // C0 controls, and DEL under terminalSafe
            }
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    }

    private func needsEscape(_ byte: UInt8) -> Bool {
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
        return terminalSafe && (byte == 0x7F || byte == 0xC2)
    }

    private mutating func appendUnicodeEscape(_ codePoint: UInt8) {
        let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
        append("\\u00")
        output.append(hexDigits[Int(codePoint >> 4)])
        output.append(hexDigits[Int(codePoint & 0x0F)])
    }
}

/// Interpolating or printing a value shows its compact JSON, which is also what test
/// failures display.
extension JSONValue: CustomStringConvertible {
    public var description: String { serialized() }
}

extension JSONObject: CustomStringConvertible {
    public var description: String { JSONValue.object(self).serialized() }
}
