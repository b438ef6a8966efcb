/// Knows the earliest pending transition deadline, so requests only pay for completing
/// transitions when one is actually due.
final class TransitionScheduler: Sendable {
    private let store: Store
    private let nextDeadline = Locked<Double?>(nil)

    init(store: Store) throws {
        self.store = store
        let deadline = try store.writeNow { db in try TransitionsTable(db: db).nextDeadline() }
        nextDeadline.withLock { $0 = deadline }
    }

    func scheduled(at deadline: Double) {
        nextDeadline.withLock { current in current = min(current ?? deadline, deadline) }
    }

    /// Completes every transition due by `now` before the request reads or writes.
    func completeDue(now: Double) async throws {
        let due = nextDeadline.withLock { current -> Bool in
            guard let deadline = current, deadline <= now else { return false }
            current = nil
            return true
        }
        guard due else { return }
        do {
            let remaining = try await store.write { db in
                let table = TransitionsTable(db: db)
                try table.completeDue(now: now)
                return try table.nextDeadline()
            }
            // Deadlines noted while we worked stay; what the database still holds joins them.
            if let remaining { scheduled(at: remaining) }
        } catch {
            scheduled(at: now)
            throw error
        }
    }
}
