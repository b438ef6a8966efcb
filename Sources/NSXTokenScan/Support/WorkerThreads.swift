#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed number of plain threads running one body each, joined before returning.
/// (No Dispatch or Foundation: this module stays on libc.)
enum WorkerThreads {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else { body(0); return }
        var threads: [pthread_t] = []
        for index in 0..<count {
            let job = Unmanaged.passRetained(Job { body(index) }).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { context in
                Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, job)
            if started == 0 {
                threads.append(thread)
            } else {
                // No thread to be had: do the share here instead.
                Unmanaged<Job>.fromOpaque(job).takeRetainedValue().body()
            }
        }
        for thread in threads { pthread_join(thread, nil) }
    }

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
