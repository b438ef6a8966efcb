import Foundation

/// A small pool of threads of its own for password hashing, with a bounded queue.
///
/// PBKDF2 is deliberately slow. Run on Swift's shared concurrency pool, a few dozen logins
/// for made-up emails would occupy every thread that serves requests; here they wait their
/// turn on threads of their own (fewer than the cores), and past `queueLimit` waiting jobs a
/// login is turned away at once (429) instead of queueing without end. Threads start when
/// work arrives and end when the queue is empty, so an idle server (or a test) holds none.
public final class PasswordWorkers: Sendable {
    /// The queue is full; worth trying again after `retryAfter` seconds.
    struct Busy: Error {
        let retryAfter: Int
    }

    /// Runs a job and hands back what resumes its caller, so the bookkeeping is done first.
    private typealias Job = @Sendable () -> @Sendable () -> Void

    private struct State {
        var queue: [Job] = []
        var head = 0
        var running = 0
        var completed = 0
        /// Mean seconds per job, to suggest a `Retry-After`.
        var averageSeconds = 0.05
    }

    public let threads: Int
    public let queueLimit: Int
    private let state = Locked(State())

    /// One thread fewer than the machine has cores (at least one), so hashing never takes
    /// every core from the requests of users already logged in.
    public static let defaultThreads = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
    public static let defaultQueueLimit = 16

    public init(threads: Int = PasswordWorkers.defaultThreads, queueLimit: Int = PasswordWorkers.defaultQueueLimit) {
        self.threads = max(1, threads)
        self.queueLimit = max(0, queueLimit)
    }

    /// How many jobs have finished: each is one password hashed or checked.
    public var completedJobs: Int { state.withLock { $0.completed } }

    /// Jobs waiting for a thread.
    var queuedJobs: Int { state.withLock { $0.queue.count - $0.head } }

    /// Runs `job` on a worker thread and returns its result, or throws `Busy` at once when
    /// `queueLimit` jobs are already waiting.
    func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let work: Job = {
                let result = job()
                return { continuation.resume(returning: result) }
            }
            let admitted = state.withLock { state -> Result<Bool, Busy> in
                let waiting = state.queue.count - state.head
                guard waiting < queueLimit || state.running < threads else {
                    let ahead = Double(waiting + state.running) / Double(threads)
                    return .failure(Busy(retryAfter: max(1, Int((ahead * state.averageSeconds).rounded(.up)))))
                }
                state.queue.append(work)
                guard state.running < threads else { return .success(false) }
                state.running += 1
                return .success(true)
            }
            switch admitted {
            case .failure(let busy):
                continuation.resume(throwing: busy)
            case .success(let startThread):
                if startThread { startWorker() }
            }
        }
    }

    private func startWorker() {
        let thread = Thread { [self] in
            while let job = nextJob() {
                let started = ContinuousClock.now
                let resume = job()
                let elapsed = ContinuousClock.now - started
                state.withLock { state in
                    state.completed += 1
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    state.averageSeconds = state.averageSeconds * 0.8 + seconds * 0.2
                }
                resume()
            }
        }
        thread.name = "nsx-password"
        thread.start()
    }

    /// The next queued job, or nil (and one thread fewer) when none is left.
    private func nextJob() -> Job? {
        state.withLock { state in
            guard state.head < state.queue.count else {
                state.queue.removeAll(keepingCapacity: true)
                state.head = 0
                state.running -= 1
                return nil
            }
            let job = state.queue[state.head]
            state.head += 1
            if state.head >= 64, state.head * 2 >= state.queue.count {
                state.queue.removeFirst(state.head)
                state.head = 0
            }
            return job
        }
    }
}
