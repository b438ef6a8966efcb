import Synchronization

/// Secrets in memory only, for tests of the layers above the stores.
public final class InMemorySecretStore: SecretStore {
    private let items = Mutex<[SecretKey: (secret: String, label: String)]>([:])

    public init() {}

    public func read(_ key: SecretKey) throws(SecretStoreError) -> String? {
        items.withLock { $0[key]?.secret }
    }

    public func write(_ secret: String, for key: SecretKey, label: String) throws(SecretStoreError) {
        items.withLock { $0[key] = (secret, label) }
    }

    public func delete(_ key: SecretKey) throws(SecretStoreError) -> Bool {
        items.withLock { $0.removeValue(forKey: key) != nil }
    }

    /// The label stored with `key`, so tests can check what a keyring would show.
    public func label(for key: SecretKey) -> String? {
        items.withLock { $0[key]?.label }
    }
}
