/// Five failed logins for one email within 15 minutes lock that email until the oldest of
/// them leaves the window; attempts made while locked are refused and not counted.
final class LoginThrottle: Sendable {
    static let maxFailures = 5
    static let window = 15.0 * 60

    private let failures = Locked([String: [Double]]())

    /// Seconds until the email may try again, or nil when it may try now.
    func retryAfter(email: String, now: Double) -> Int? {
        failures.withLock { failures in
            let key = email.lowercased()
            let recent = (failures[key] ?? []).filter { now - $0 < Self.window }
            failures[key] = recent.isEmpty ? nil : recent
            guard recent.count >= Self.maxFailures else { return nil }
            let unlocksAt = recent[recent.count - Self.maxFailures] + Self.window
            return max(1, Int((unlocksAt - now).rounded(.up)))
        }
    }

    func recordFailure(email: String, now: Double) {
        failures.withLock { $0[email.lowercased(), default: []].append(now) }
    }

    func recordSuccess(email: String) {
        failures.withLock { $0[email.lowercased()] = nil }
    }
}
