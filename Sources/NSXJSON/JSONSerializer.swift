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
        var utf8 = string.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x00..<0x20: appendUnicodeEscape(byte)
            case 0x7F where terminalSafe: appendUnicodeEscape(byte)
            case 0xC2 where terminalSafe:
                // U+0080–U+009F are encoded as C2 80 … C2 9F.
                guard let next = utf8.next() else { output.append(byte); break }
                if (0x80...0x9F).contains(next) {
                    appendUnicodeEscape(next)
                } else {
                    output.append(byte)
                    output.append(next)
                }
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
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
