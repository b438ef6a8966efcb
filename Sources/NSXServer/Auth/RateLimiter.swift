/// Requests per credential per minute, in fixed one-minute windows.
final class RateLimiter: Sendable {
    struct Decision: Sendable {
        let limit: Int
        let remaining: Int
        /// Epoch second at which the window resets.
        let reset: Int
        let allowed: Bool

        var headers: [(name: String, value: String)] {
            [("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining)), ("X-RateLimit-Reset", String(reset))]
        }
    }

    private struct Window {
        var start: Int
        var count: Int
    }

    let limit: Int
    private let windows = Locked([String: Window]())

    /// - Parameter limit: requests per minute; 0 turns limiting off.
    init(limit: Int) {
        self.limit = limit
    }

    var isEnabled: Bool { limit > 0 }

    func admit(_ key: String, now: Double) -> Decision {
        let second = Int(now)
        let start = second - second % 60
        return windows.withLock { windows in
            if windows.count > 50_000 { windows = windows.filter { $0.value.start == start } }
            var window = windows[key] ?? Window(start: start, count: 0)
            if window.start != start { window = Window(start: start, count: 0) }
            let allowed = window.count < limit
            if allowed { window.count += 1 }
            windows[key] = window
            return Decision(limit: limit, remaining: max(0, limit - window.count), reset: start + 60, allowed: allowed)
        }
    }
}
