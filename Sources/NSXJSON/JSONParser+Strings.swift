// Strings: the part of the parser that sees every byte of most documents, so the common
// case (no escapes) decodes straight from the input and only escaped strings use a buffer.

extension JSONParser {
    /// Reads a string starting at its opening quote. Strings without escapes (nearly all)
    /// are decoded straight from the input; others are assembled in a byte buffer.
    mutating func parseString() throws(JSONParseError) -> String {
        let openingQuote = position
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            try acceptStringByte(byte)
        }
        guard position < bytes.count else {
            throw JSONParseError(offset: openingQuote, reason: "unterminated string")
        }

        var buffer = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &buffer)
            } else {
                let sequenceStart = position
                try acceptStringByte(byte)
                buffer.append(contentsOf: bytes[sequenceStart..<position])
            }
        }
        throw JSONParseError(offset: openingQuote, reason: "unterminated string")
    }

    /// Accepts one unescaped character of a string: refuses raw control characters and
    /// invalid UTF-8 (overlong forms, surrogates, beyond U+10FFFF).
    private mutating func acceptStringByte(_ byte: UInt8) throws(JSONParseError) {
        if byte < 0x20 {
            throw error("control character \(hexScalar(UInt32(byte))) must be escaped in a string")
        }
        if byte < 0x80 {
            position += 1
            return
        }
        let (length, secondLow, secondHigh): (Int, UInt8, UInt8)
        switch byte {
        case 0xC2...0xDF: (length, secondLow, secondHigh) = (2, 0x80, 0xBF)
        case 0xE0: (length, secondLow, secondHigh) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, secondLow, secondHigh) = (3, 0x80, 0xBF)
        case 0xED: (length, secondLow, secondHigh) = (3, 0x80, 0x9F)
        case 0xF0: (length, secondLow, secondHigh) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, secondLow, secondHigh) = (4, 0x80, 0xBF)
        case 0xF4: (length, secondLow, secondHigh) = (4, 0x80, 0x8F)
        default: throw error("invalid UTF-8")
        }
        for offset in 1..<length {
            let at = position + offset
            guard at < bytes.count else { throw JSONParseError(offset: at, reason: "invalid UTF-8: truncated sequence") }
            let continuation = bytes[at]
            let (low, high) = offset == 1 ? (secondLow, secondHigh) : (0x80, 0xBF)
            guard continuation >= low, continuation <= high else {
                throw JSONParseError(offset: at, reason: "invalid UTF-8")
            }
        }
        position += length
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else { throw JSONParseError(offset: escapeStart, reason: "unterminated string") }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeStart: escapeStart)
            if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONParseError(offset: escapeStart, reason: "lone low surrogate \(hexScalar(scalar))")
            }
            if (0xD800...0xDBFF).contains(scalar) {
                let lowStart = position
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw JSONParseError(offset: escapeStart, reason: "high surrogate \(hexScalar(scalar)) not followed by a low surrogate")
                }
                position += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONParseError(offset: escapeStart, reason: "high surrogate \(hexScalar(scalar)) not followed by a low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            appendUTF8(of: scalar, to: &buffer)
        default:
            throw JSONParseError(offset: escapeStart, reason: "invalid escape character \(describeRaw(letter))")
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else {
                throw JSONParseError(offset: escapeStart, reason: "unexpected end of input in \\u escape")
            }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(offset: escapeStart, reason: "invalid \\u escape: expected 4 hex digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func appendUTF8(of scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            buffer.append(UInt8(scalar))
        case ..<0x800:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
