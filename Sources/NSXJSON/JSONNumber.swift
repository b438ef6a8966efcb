/// Helpers for JSON number literals, which `JSONValue` keeps as text.
enum JSONNumber {
    /// Whether `literal` matches RFC 8259's `number` production exactly.
    static func isValidLiteral(_ literal: String) -> Bool {
        guard let first = literal.utf8.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              let last = literal.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) else { return false }
        guard case .number = try? JSONValue.parse(literal) else { return false }
        return true
    }

    /// An exact `Int` for integral literals: plain integers directly, and forms such as
    /// `2.0` or `1e3` only when the value is a whole number within range.
    static func intValue(of literal: String) -> Int? {
        if let exact = Int(literal) { return exact }
        guard let double = Double(literal), double.rounded() == double,
              double >= -9.223372036854775808e18, double < 9.223372036854775808e18 else { return nil }
        return Int(double)
    }

    /// The shortest literal that reads back as `double` (Swift's description already is),
    /// with integral values written without a fraction (`3`, not `3.0`).
    static func literal(for double: Double) -> String {
        if double.rounded() == double, abs(double) < 1e15 {
            return String(Int64(double))
        }
        return double.description
    }
}
