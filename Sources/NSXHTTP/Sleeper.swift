#if canImport(Glibc)
import Glibc
#endif

/// How `RetryingClient` waits between attempts. Tests swap in one that only records.
public struct Sleeper: Sendable {
    private let sleepFor: @Sendable (Duration) throws(TransportError) -> Void

    public init(_ sleep: @escaping @Sendable (Duration) throws(TransportError) -> Void) {
        sleepFor = sleep
    }

    public func sleep(for duration: Duration) throws(TransportError) {
        try sleepFor(duration)
    }

    /// Really sleeps, in short slices so a raised `CancellationFlag` ends the wait promptly.
    public static let real = Sleeper { duration throws(TransportError) in
        let slice = Duration.milliseconds(100)
        var remaining = duration
        while remaining > .zero {
            guard !CancellationFlag.isRaised else { throw .interrupted }
            let step = min(slice, remaining)
            let (seconds, attoseconds) = step.components
            var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
            _ = nanosleep(&request, nil)  // an early wake-up (EINTR) just rechecks the flag
            remaining -= step
        }
        guard !CancellationFlag.isRaised else { throw .interrupted }
    }
}
