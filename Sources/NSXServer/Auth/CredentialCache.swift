/// A small cache of credentials by key.
///
/// Every removal bumps a generation number; a value read from the database is only cached if no
/// removal happened meanwhile, so a revocation can never be undone by a slower concurrent lookup.
final class CredentialCache<Value: Sendable>: Sendable {
    private struct State {
        var entries: [String: Value] = [:]
        var generation = 0
    }

    private static var capacity: Int { 10_000 }
    private let state = Locked(State())

    func value(for key: String) -> Value? {
        state.withLock { $0.entries[key] }
    }

    var generation: Int { state.withLock { $0.generation } }

    func insert(_ value: Value, for key: String, ifGeneration generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= Self.capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = value
        }
    }

    /// Replaces a cached value, leaving an absent key absent.
    func update(_ key: String, _ transform: (inout Value) -> Void) {
        state.withLock { state in
            if var value = state.entries[key] {
                transform(&value)
                state.entries[key] = value
            }
        }
    }

    func remove(_ key: String) {
        state.withLock { state in
            state.generation += 1
            state.entries[key] = nil
        }
    }
}
