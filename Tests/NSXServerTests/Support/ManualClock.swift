import Foundation
import NSXServer

/// Real time plus an offset the test can move forward, so expiry and throttling windows can
/// be crossed without waiting while timed transitions still see time pass.
final class ManualClock: ServerClock, @unchecked Sendable {
    private let lock = NSLock()
    private var offset = 0.0

    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return Date().timeIntervalSince1970 + offset
    }

    func advance(by seconds: Double) {
        lock.lock()
        offset += seconds
        lock.unlock()
    }
}
