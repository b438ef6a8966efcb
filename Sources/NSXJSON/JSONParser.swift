extension JSONValue {
    /// How deeply arrays and objects may nest; deeper documents are refused rather than
    /// risking unbounded memory on hostile input.
    public static let maximumNestingDepth = 512

    /// Parses one JSON document (RFC 8259) from UTF-8 bytes. Anything after the value
    /// other than whitespace is an error.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        try parse(bytes, maxDepth: maximumNestingDepth)
    }

    /// Parses like `parse(_:)`, refusing arrays and objects nested more than `maxDepth` deep
    /// (a server reading untrusted bodies takes less than a client reading its own API).
    /// The cost is linear in the size of the input, whatever the input.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int) throws(JSONParseError) -> JSONValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parseDocument(buffer, maxDepth: maxDepth) }
        }
        if let contiguous { return try contiguous.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parseDocument(buffer, maxDepth: maxDepth) }
        }.get()
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8)
    }

    /// Parses one JSON document from text, refusing nesting deeper than `maxDepth`.
    public static func parse(_ text: String, maxDepth: Int) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8, maxDepth: maxDepth)
    }
}

/// A hand-written recursive-descent parser made iterative: open containers live on an
/// explicit stack, so nesting depth costs heap, not call stack (safe on small thread stacks).
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// An array or object still being read.
    private struct OpenContainer {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONObject.Element?] = []
        var pendingKey = ""
    }

    static func parseDocument(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        // RFC 8259 §8.1 lets a parser ignore a byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected \(describeByte(at: position)) after the JSON value")
        }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var stack: [OpenContainer] = []
        while true {
            // Read the start of a value; containers open here and are filled below.
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
            var value: JSONValue
            switch bytes[position] {
            case UInt8(ascii: "{"):
                try checkDepth(stack.count)
                position += 1
                skipWhitespace()
                if peek(UInt8(ascii: "}")) {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    var container = OpenContainer(isObject: true)
                    container.pendingKey = try parseKeyAndColon()
                    stack.append(container)
                    continue
                }
            case UInt8(ascii: "["):
                try checkDepth(stack.count)
                position += 1
                skipWhitespace()
                if peek(UInt8(ascii: "]")) {
                    position += 1
                    value = .array([])
                } else {
                    stack.append(OpenContainer(isObject: false))
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw error("unexpected \(describeByte(at: position)), expected a value")
            }

            // Hand the finished value to the innermost open container, closing containers
            // for as long as their closing bracket follows.
            while true {
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isObject {
                    stack[top].members.append((stack[top].pendingKey, value))
                    if peek(UInt8(ascii: ",")) {
                        position += 1
                        skipWhitespace()
                        stack[top].pendingKey = try parseKeyAndColon()
                        break
                    } else if peek(UInt8(ascii: "}")) {
                        position += 1
                        value = .object(JSONObject(parsedMembers: stack.removeLast().members))
                    } else {
                        throw error(position < bytes.count
                            ? "expected ',' or '}' after an object member, found \(describeByte(at: position))"
                            : "unexpected end of input, expected ',' or '}'")
                    }
                } else {
                    stack[top].elements.append(value)
                    if peek(UInt8(ascii: ",")) {
                        position += 1
                        break
                    } else if peek(UInt8(ascii: "]")) {
                        position += 1
                        value = .array(stack.removeLast().elements)
                    } else {
                        throw error(position < bytes.count
                            ? "expected ',' or ']' after an array element, found \(describeByte(at: position))"
                            : "unexpected end of input, expected ',' or ']'")
                    }
                }
            }
        }
    }

    private func checkDepth(_ openContainers: Int) throws(JSONParseError) {
        if openContainers >= maxDepth {
            throw error("nesting deeper than \(maxDepth) levels")
        }
    }

    private mutating func parseKeyAndColon() throws(JSONParseError) -> String {
        guard position < bytes.count else { throw error("unexpected end of input, expected a string key") }
        guard bytes[position] == UInt8(ascii: "\"") else {
            throw error("expected a string key, found \(describeByte(at: position))")
        }
        let key = try parseString()
        skipWhitespace()
        guard peek(UInt8(ascii: ":")) else {
            throw error(position < bytes.count
                ? "expected ':' after an object key, found \(describeByte(at: position))"
                : "unexpected end of input, expected ':'")
        }
        position += 1
        return key
    }

    // MARK: Scalars

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = position
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard position < bytes.count else {
                throw JSONParseError(offset: position, reason: "unexpected end of input in literal '\(literal)'")
            }
            guard bytes[position] == byte else {
                throw JSONParseError(offset: start, reason: "invalid literal, expected '\(literal)'")
            }
            position += 1
        }
    }

    /// Reads a number exactly as RFC 8259 spells it and returns its literal text.
    private mutating func parseNumber() throws(JSONParseError) -> String {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        guard isDigit(at: position) else { throw error(atEnd: "a digit", orFound: "expected a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(at: position) { throw error("leading zeros are not allowed in numbers") }
        } else {
            while isDigit(at: position) { position += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            guard isDigit(at: position) else { throw error(atEnd: "a digit", orFound: "expected a digit after '.'") }
            while isDigit(at: position) { position += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard isDigit(at: position) else { throw error(atEnd: "a digit", orFound: "expected a digit in the exponent") }
            while isDigit(at: position) { position += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    // MARK: Helpers

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        position < bytes.count && bytes[position] == byte
    }

    private func isDigit(at index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    func error(_ reason: String) -> JSONParseError {
        JSONParseError(offset: position, reason: reason)
    }

    /// "unexpected end of input, expected X" at the end, otherwise `found` naming the byte.
    private func error(atEnd expected: String, orFound found: String) -> JSONParseError {
        position < bytes.count
            ? error("\(found), found \(describeByte(at: position))")
            : error("unexpected end of input, expected \(expected)")
    }

    func describeByte(at index: Int) -> String {
        "character \(describeRaw(bytes[index]))"
    }

    func describeRaw(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(UInt32(byte), width: 2))"
    }

    func hexScalar(_ scalar: UInt32) -> String { "U+\(hex(scalar, width: 4))" }

    private func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
