/// Failed logins, counted per email and per client address.
///
/// Five failures for one email within 15 minutes lock that email until the oldest of them
/// leaves the window (the contract); twenty within a minute from one address lock that
/// address for the rest of its minute, so guessing across many accounts is bounded too.
/// Attempts made while locked are refused and not counted.
///
/// Checking and recording are one step: `begin` counts an attempt as a failure-to-be before
/// its password is checked, so parallel guesses cannot all pass the check before any of them
/// is recorded (60 at once get exactly 5 checks). `finish` settles it.
final class LoginThrottle: Sendable {
    struct Rule: Sendable {
        let maxFailures: Int
        let window: Double
    }

    static let perEmail = Rule(maxFailures: 5, window: 15 * 60)
    static let perAddress = Rule(maxFailures: 20, window: 60)

    /// A login admitted by `begin`, to be settled with `finish` or `abandon`.
    struct Attempt: Sendable {
        fileprivate let email: String
        fileprivate let address: String
    }

    private struct Tally {
        var failures: [Double] = []
        var inFlight = 0
    }

    private struct State {
        var emails: [String: Tally] = [:]
        var addresses: [String: Tally] = [:]
    }

    private let state = Locked(State())

    /// Admits an attempt, or throws 429 with the seconds until the lock lifts.
    func begin(email: String, address: String, now: Double) throws(APIError) -> Attempt {
        let attempt = Attempt(email: email.lowercased(), address: address)
        let refusal = state.withLock { state -> APIError? in
            if state.emails.count + state.addresses.count > 100_000 { Self.sweep(&state, now: now) }
            if let wait = Self.wait(&state.emails, attempt.email, Self.perEmail, now: now) {
                return .rateLimited("Too many failed login attempts; try again in \(wait) seconds", retryAfter: wait)
            }
            if let wait = Self.wait(&state.addresses, attempt.address, Self.perAddress, now: now) {
                return .rateLimited("Too many failed login attempts from this address; try again in \(wait) seconds", retryAfter: wait)
            }
            state.emails[attempt.email, default: Tally()].inFlight += 1
            state.addresses[attempt.address, default: Tally()].inFlight += 1
            return nil
        }
        if let refusal { throw refusal }
        return attempt
    }

    /// Records how an admitted attempt ended. A success clears the email's failures.
    func finish(_ attempt: Attempt, succeeded: Bool, now: Double) {
        state.withLock { state in
            state.emails[attempt.email]?.inFlight -= 1
            state.addresses[attempt.address]?.inFlight -= 1
            if succeeded {
                state.emails[attempt.email]?.failures = []
            } else {
                state.emails[attempt.email]?.failures.append(now)
                state.addresses[attempt.address]?.failures.append(now)
            }
            Self.dropIfIdle(&state.emails, attempt.email)
            Self.dropIfIdle(&state.addresses, attempt.address)
        }
    }

    /// Releases an attempt whose password was never checked (the workers were busy).
    func abandon(_ attempt: Attempt) {
        state.withLock { state in
            state.emails[attempt.email]?.inFlight -= 1
            state.addresses[attempt.address]?.inFlight -= 1
            Self.dropIfIdle(&state.emails, attempt.email)
            Self.dropIfIdle(&state.addresses, attempt.address)
        }
    }

    /// Seconds until `key` may try again under `rule`, or nil when it may try now. Attempts
    /// still being checked count as failures until they are settled.
    private static func wait(_ tallies: inout [String: Tally], _ key: String, _ rule: Rule, now: Double) -> Int? {
        guard var tally = tallies[key] else { return nil }
        tally.failures.removeAll { now - $0 >= rule.window }
        tallies[key] = tally
        guard tally.failures.count + tally.inFlight >= rule.maxFailures else { return nil }
        guard tally.failures.count >= rule.maxFailures else { return 1 }
        let unlocksAt = tally.failures[tally.failures.count - rule.maxFailures] + rule.window
        return max(1, Int((unlocksAt - now).rounded(.up)))
    }

    private static func dropIfIdle(_ tallies: inout [String: Tally], _ key: String) {
        if let tally = tallies[key], tally.inFlight == 0, tally.failures.isEmpty { tallies[key] = nil }
    }

    /// Forgets failures that have left their window, so made-up emails cannot grow memory forever.
    private static func sweep(_ state: inout State, now: Double) {
        for (tallies, rule) in [(\State.emails, perEmail), (\State.addresses, perAddress)] {
            state[keyPath: tallies] = state[keyPath: tallies].compactMapValues { tally in
                var tally = tally
                tally.failures.removeAll { now - $0 >= rule.window }
                return tally.inFlight == 0 && tally.failures.isEmpty ? nil : tally
            }
        }
    }
}
