#if canImport(Glibc)
import Glibc
#endif

/// When and how long `RetryingClient` waits before trying again.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts after the first.
    public var maxRetries: Int
    /// All attempts and waits of one request together stay within this.
    public var budget: Duration
    /// The first backoff; each later one is `multiplier` times longer, up to `maxDelay`.
    public var baseDelay: Duration
    public var multiplier: Double
    public var maxDelay: Duration
    /// Statuses worth another attempt: rate limiting and gateways or servers briefly away.
    /// An array: a handful of statuses, and a `Set` would cost its run-time type set-up in
    /// every run that sends a request (docs/BENCHMARKS.md).
    public var retryableStatuses: [Int]

    public init(
        maxRetries: Int = 3, budget: Duration = .seconds(120), baseDelay: Duration = .milliseconds(500),
        multiplier: Double = 2, maxDelay: Duration = .seconds(8), retryableStatuses: [Int] = [429, 502, 503, 504]
    ) {
        self.maxRetries = maxRetries
        self.budget = budget
        self.baseDelay = baseDelay
        self.multiplier = multiplier
        self.maxDelay = maxDelay
        self.retryableStatuses = retryableStatuses
    }

    public static let `default` = RetryPolicy()

    /// The wait before retry number `retry` (1 for the first), with `jitter` in 0..<1
    /// spreading it over ±50 % so clients that failed together do not return together.
    public func backoff(beforeRetry retry: Int, jitter: Double) -> Duration {
        let nominal = baseDelay * pow(multiplier, Double(retry - 1))
        return min(maxDelay, nominal * (0.5 + jitter))
    }
}
