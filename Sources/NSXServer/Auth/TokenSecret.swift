import Crypto

/// API token secrets: `nsx_live_` / `nsx_test_` plus 32 characters of `[A-Za-z0-9]`.
enum TokenSecret {
    static let secretLength = 32
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    static func generate(for environment: APIEnvironment) -> String {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<secretLength).map { _ in alphabet.randomElement(using: &generator)! }
        return environment.tokenPrefix + String(decoding: secret, as: UTF8.self)
    }

    /// The environment of a well-formed token, nil for anything else.
    static func environment(of token: String) -> APIEnvironment? {
        for environment in APIEnvironment.allCases where token.hasPrefix(environment.tokenPrefix) {
            let secret = token.utf8.dropFirst(environment.tokenPrefix.utf8.count)
            guard secret.count == secretLength, secret.allSatisfy(isAlphanumeric) else { return nil }
            return environment
        }
        return nil
    }

    /// A byte of `alphabet`, by range: this runs on every request that carries a token.
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// What the token list shows: type prefix plus the first four secret characters.
    static func displayPrefix(of token: String, environment: APIEnvironment) -> String {
        String(token.prefix(environment.tokenPrefix.count + 4))
    }

    /// Hex SHA-256, the only form the database keeps.
    static func hash(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
