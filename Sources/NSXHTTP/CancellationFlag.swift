import CCurlShim
#if canImport(Glibc)
import Glibc
#endif
import NSXTime

/// The process-wide "stop now" flag. The CLI raises it from its SIGINT handler; transfers in
/// flight then end with `TransportError.interrupted`, and waits (`Sleeper.real`) wake at once.
///
/// The flag is a `volatile sig_atomic_t` in the C shim and the wake-up is one byte written
/// down a pipe, so `raise()` is async-signal-safe. `prepare()` makes the pipe, once, before
/// a handler that raises the flag is installed.
public enum CancellationFlag {
    /// Read end, write end; -1 until `prepare()`.
    nonisolated(unsafe) private static let wakePipe: UnsafeMutablePointer<Int32> = {
        let pipe = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        pipe.initialize(repeating: -1, count: 2)
        return pipe
    }()

    /// Makes the wake-up pipe (non-blocking, closed on exec). Call before installing a signal
    /// handler that raises the flag; calling it again does nothing.
    public static func prepare() {
        guard wakePipe[0] < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        wakePipe[0] = ends[0]
        wakePipe[1] = ends[1]
    }

    /// Raises the flag and wakes every wait. Async-signal-safe.
    public static func raise() {
        nsx_cancellation_raise()
        let writeEnd = wakePipe[1]
        if writeEnd >= 0 {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }

    public static func lower() {
        nsx_cancellation_lower()
        var byte: UInt8 = 0
        while wakePipe[0] >= 0, read(wakePipe[0], &byte, 1) > 0 {}
    }

    public static var isRaised: Bool { nsx_cancellation_is_raised() != 0 }

    /// Waits up to `duration`, or less: true, as soon as the flag is raised.
    public static func wait(upTo duration: Duration) -> Bool {
        InterruptibleWait.wait(upTo: duration, wakingOn: wakePipe[0]) { isRaised }
    }
}

/// A pause that a byte arriving on a file descriptor cuts short (`poll`), so whoever raises
/// a flag can wake the waiter at once instead of at its next look.
enum InterruptibleWait {
    /// Waits until `stop()` holds or `duration` has passed; true when stopped. Without a
    /// descriptor (-1) it looks at `stop` every 50 ms.
    static func wait(upTo duration: Duration, wakingOn descriptor: Int32, stop: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + duration
        while !stop() {
            let left = deadline - clock.now
            guard left > .zero else { return false }
            let milliseconds = left.wholeMilliseconds + 1
            var watched = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if descriptor >= 0 {
                _ = poll(&watched, 1, Int32(min(milliseconds, 60_000)))
            } else {
                _ = poll(nil, 0, Int32(min(milliseconds, 50)))
            }
        }
        return true
    }
}
