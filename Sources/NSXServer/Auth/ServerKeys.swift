import Foundation
import Crypto

/// The server's own secrets, from one 256-bit key kept in the data folder (`jwt-signing.key`,
/// 0600, made on first start) or made afresh for an in-memory run.
///
/// Sessions are signed with the key itself (so sessions survive an upgrade); the
/// idempotency pepper is derived from it, so a copy of the database alone, without this
/// file, cannot even test guesses of an `Idempotency-Key`.
struct ServerKeys: Sendable {
    static let fileName = "jwt-signing.key"

    /// The HMAC key of session JWTs, as bytes (`SymmetricKey` is not `Sendable`).
    let signingKey: [UInt8]
    let idempotencyPepper: [UInt8]

    init(masterKey: [UInt8]) {
        signingKey = masterKey
        idempotencyPepper = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: masterKey),
                                                   info: Array("nsx-server idempotency pepper v1".utf8),
                                                   outputByteCount: 32)
            .withUnsafeBytes { Array($0) }
    }

    /// The key in `folder`, created there when missing; a fresh one when `folder` is nil.
    static func load(folder: DataFolder?) throws(StartupError) -> ServerKeys {
        guard let folder else { return ServerKeys(masterKey: freshKey()) }
        let path = folder.file(fileName)
        if let existing = try DataFolder.readPrivateFile(path), existing.count >= 32 {
            return ServerKeys(masterKey: existing)
        }
        let key = freshKey()
        if FileManager.default.fileExists(atPath: path) {
            throw .fileSystem(path: path, reason: "holds fewer than 32 bytes; remove it to make a new key (every session ends)")
        }
        try DataFolder.createPrivateFile(path, contents: key)
        return ServerKeys(masterKey: key)
    }

    private static func freshKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }
}
