import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs one blocking call on a thread of its own, so that the caller can stop
/// waiting when a deadline passes even though the call itself cannot be
/// interrupted (a hung keyring daemon leaves libsecret waiting on D-Bus).
enum DeadlineThread {
    enum Outcome<Value> {
        case finished(Value)
        /// The deadline passed; the work may still be running.
        case timedOut
        /// No thread could be started (errno value).
        case couldNotStart(Int32)
    }

    /// Runs `work` on a new detached thread and waits up to `limit`. When the
    /// limit passes, calls `interrupt` and waits up to `grace` more, so that a
    /// call that honours the interruption can still report how it ended.
    static func run<Value: Sendable>(limit: Duration, grace: Duration, interrupt: () -> Void,
                                     _ work: @escaping @Sendable () -> Value) -> Outcome<Value> {
        let handoff = Handoff<Value>(work: work)
        let context = Unmanaged.passRetained(handoff).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            let handoff = Unmanaged<AnyHandoff>.fromOpaque(context!).takeRetainedValue()
            handoff.runWork()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Handoff<Value>>.fromOpaque(context).release()
            return .couldNotStart(started)
        }
        pthread_detach(thread)

        if handoff.done.wait(timeout: .now() + dispatchInterval(limit)) == .success {
            return handoff.result.map(Outcome.finished) ?? .timedOut
        }
        interrupt()
        if handoff.done.wait(timeout: .now() + dispatchInterval(grace)) == .success {
            return handoff.result.map(Outcome.finished) ?? .timedOut
        }
        return .timedOut
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}

/// The thread entry point cannot be generic, so it sees the work through
/// this base class.
private class AnyHandoff: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    func runWork() {}
}

/// Carries the work to the thread and its result back; the thread owns a
/// reference, so everything the work uses outlives a caller that gave up.
private final class Handoff<Value: Sendable>: AnyHandoff, @unchecked Sendable {
    private let work: @Sendable () -> Value
    private let stored = Mutex<Value?>(nil)

    init(work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    var result: Value? { stored.withLock { $0 } }

    override func runWork() {
        let value = work()
        stored.withLock { $0 = value }
        done.signal()
    }
}
