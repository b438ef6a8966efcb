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
        var bytes = Array(rawValue.utf8)
        for _ in 0..<12 { bytes.append(Identifier.alphabet.randomElement(using: &generator)!) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
