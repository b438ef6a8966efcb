import Foundation
import NSXServer

/// Real time plus an offset the test can move forward, so expiry and throttling windows can
/// be crossed without waiting while timed transitions still see time pass. `freeze()` stops
/// it, for tests that need many things to happen within one second.
final class ManualClock: ServerClock, @unchecked Sendable {
    private let lock = NSLock()
    private var offset = 0.0
    private var frozenAt: Double?

    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return frozenAt ?? Date().timeIntervalSince1970 + offset
    }

    func advance(by seconds: Double) {
        lock.lock()
        offset += seconds
        frozenAt = frozenAt.map { $0 + seconds }
        lock.unlock()
    }

    /// Stops the clock at the start of the current second.
    func freeze() {
        lock.lock()
        frozenAt = (Date().timeIntervalSince1970 + offset).rounded(.down)
        lock.unlock()
    }
}
