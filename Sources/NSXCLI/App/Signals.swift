#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NSXHTTP

/// Ctrl-C raises `CancellationFlag`: a transfer in flight aborts, a retry pause or a `--wait`
/// poll wakes at once, a prompt gives up, and the command unwinds — restoring the terminal
/// and clearing its progress line on the way — to exit 130 with a message. A second Ctrl-C,
/// for whatever does not listen (a keyring call, a lock wait), restores echo and exits 130
/// at once; config writes are atomic renames, so nothing is half-written either way.
/// A closed stdout pipe is handled where writes fail (EPIPE), quietly.
enum Signals {
    static func install() {
        Terminal.prepareForSignals()
        CancellationFlag.prepare()
        signal(SIGPIPE, SIG_IGN)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if CancellationFlag.isRaised {
                Terminal.restoreEcho()
                let newline: [UInt8] = [0x0A]
                _ = write(STDERR_FILENO, newline, 1)
                _exit(130)
            }
            CancellationFlag.raise()
        }
        // No SA_RESTART: a read blocked on the terminal returns EINTR and sees the flag.
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }
}
