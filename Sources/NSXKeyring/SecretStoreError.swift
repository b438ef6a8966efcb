/// Why a secret could not be read, written or deleted. Messages never
/// contain the secret.
public enum SecretStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers for the Secret Service (no D-Bus session, no keyring
    /// daemon); `detail` says what was missing.
    case noSecretService(String)
    /// The collection is locked, or the user dismissed the unlock prompt.
    case locked
    /// The Secret Service did not answer before the deadline.
    case timedOut
    case failed(String)

    public var description: String {
        switch self {
        case .noSecretService(let detail):
            return "no Secret Service is available: \(detail)"
        case .locked:
            return "the keyring is locked and was not unlocked"
        case .timedOut:
            return "the Secret Service did not answer in time"
        case .failed(let message):
            return message
        }
    }
}
