/// How `RetryingClient` waits between attempts, and the CLI's `--wait` between polls.
/// Tests swap in one that only records.
public struct Sleeper: Sendable {
    private let sleepFor: @Sendable (Duration) throws(TransportError) -> Void

    public init(_ sleep: @escaping @Sendable (Duration) throws(TransportError) -> Void) {
        sleepFor = sleep
    }

    public func sleep(for duration: Duration) throws(TransportError) {
        try sleepFor(duration)
    }

    /// Really sleeps, and stops at once with `interrupted` when `CancellationFlag` is raised.
    public static let real = Sleeper { duration throws(TransportError) in
        if CancellationFlag.wait(upTo: duration) { throw .interrupted }
    }
}
