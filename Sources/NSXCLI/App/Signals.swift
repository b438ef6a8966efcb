#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C ends nsx with status 130 at once (config writes are atomic renames, so nothing
/// is half-written); a closed stdout pipe is handled where writes fail (EPIPE), quietly.
enum Signals {
    static func install() {
        Terminal.prepareForSignals()
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT) { _ in
            Terminal.restoreEcho()
            let newline: [UInt8] = [0x0A]
            _ = write(STDERR_FILENO, newline, 1)
            _exit(130)
        }
    }
}
