/// A pause `RetryingClient` is about to make before trying again, told to whoever watches
/// (the CLI says "rate limited; retrying in 56 s (Ctrl-C to stop)" on a terminal), so a
/// long wait never looks like a hang.
public struct RetryNotice: Sendable, Equatable {
    public var delay: Duration
    /// The status that asked for the pause (429, 503, …); nil when the attempt failed in transport.
    public var status: Int?
    /// The attempt the pause leads to (2 for the first retry), of at most `attempts`.
    public var attempt: Int
    public var attempts: Int

    public init(delay: Duration, status: Int?, attempt: Int, attempts: Int) {
        self.delay = delay
        self.status = status
        self.attempt = attempt
        self.attempts = attempts
    }

    /// The pause in whole seconds, rounded up: what a person is told to expect.
    public var seconds: Int { delay.wholeSecondsRoundedUp }
}
