/// Reads fixed-width fields out of ASCII text, left to right: the shared tokenizer of the
/// RFC 3339 and HTTP-date parsers.
struct DigitReader {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { position == bytes.count }
    var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Exactly `count` ASCII digits as a number.
    mutating func number(digits count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<(position + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        position += count
        return value
    }

    /// One or more digits, as written.
    mutating func digits() -> [UInt8] {
        let start = position
        while let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
        return Array(bytes[start..<position])
    }

    /// Consumes one byte when it is one of `allowed`.
    mutating func expect(_ allowed: String) -> Bool {
        guard let byte = next, allowed.utf8.contains(byte) else { return false }
        position += 1
        return true
    }
}
