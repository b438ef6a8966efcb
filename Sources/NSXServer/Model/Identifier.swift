/// Resource identifiers: a type prefix plus 12 characters of `[a-z0-9]`.
public enum Identifier: String, Sendable {
    case user = "usr_"
    case token = "tok_"
    case server = "srv_"
    case instance = "ins_"
    case backup = "bak_"
    case request = "req_"
    case session = "ses_"

    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    public func make() -> String {
        var generator = SystemRandomNumberGenerator()
        // 12 base-36 digits need 62 bits: two draws, each below 36^6, without modulo bias.
        var bytes = Array(rawValue.utf8)
        for _ in 0..<2 {
            var value = generator.next(upperBound: UInt64(2_176_782_336)) // 36^6
            for _ in 0..<6 {
                bytes.append(Identifier.alphabet[Int(value % 36)])
                value /= 36
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
