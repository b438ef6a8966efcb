import Crypto
import _CryptoExtras
import Foundation

/// PBKDF2-HMAC-SHA256 with a random salt, encoded as `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
/// The iteration count travels with each hash, so it can be raised without breaking old ones.
public struct PasswordHasher: Sendable {
    public static let defaultIterations = 100_000
    public let iterations: Int

    public init(iterations: Int = PasswordHasher.defaultIterations) {
        self.iterations = iterations
    }

    public func hash(_ password: String) throws -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let derived = try Self.pbkdf2(password: Array(password.utf8), salt: salt, iterations: iterations)
        return "pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    public func verify(_ password: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]), iterations > 0,
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3]))
        else { return false }
        guard let derived = try? Self.pbkdf2(password: Array(password.utf8), salt: [UInt8](salt), iterations: iterations) else { return false }
        return ConstantTime.equal(derived, [UInt8](expected))
    }

    /// Spends the same time as a real verification, so an unknown email cannot be told apart by timing.
    public func burn(_ password: String) {
        _ = try? Self.pbkdf2(password: Array(password.utf8), salt: Array(repeating: 0, count: 16), iterations: iterations)
    }

    /// RFC 8018 PBKDF2-HMAC-SHA256, 32 bytes, computed by BoringSSL (fails only if it cannot
    /// allocate).
    static func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256, outputByteCount: 32,
                                                    unsafeUncheckedRounds: max(iterations, 1))
        return key.withUnsafeBytes { Array($0) }
    }
}

enum ConstantTime {
    /// Compares without an early exit on the first difference.
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<lhs.count { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
