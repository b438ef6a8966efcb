/// Somewhere a credential can be kept: the Secret Service, a 0600 file, or
/// memory in tests. "Not found" is never an error: `read` returns nil and
/// `delete` returns false.
public protocol SecretStore: Sendable {
    func read(_ key: SecretKey) throws(SecretStoreError) -> String?
    /// Stores or replaces the secret for `key`; `label` is what a keyring
    /// browser shows and must not contain the secret.
    func write(_ secret: String, for key: SecretKey, label: String) throws(SecretStoreError)
    /// Removes the secret for `key`; true when there was one.
    func delete(_ key: SecretKey) throws(SecretStoreError) -> Bool
}

extension SecretStore {
    public func write(_ secret: String, for key: SecretKey) throws(SecretStoreError) {
        try write(secret, for: key, label: key.defaultLabel)
    }
}
