#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NSXHTTP

/// The controlling terminal: its width, and prompts with echo off for secrets.
enum Terminal {
    static func width() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return 80
    }

    /// Prints the question on stderr and reads one line from stdin; with `hidden`, echo is off
    /// and restored afterwards even when the read fails.
    static func prompt(_ question: String, hidden: Bool) -> String? {
        FileDescriptorSink(fd: STDERR_FILENO).write(question)
        var saved = termios()
        let canHide = hidden && tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            savedTerminal.pointee = saved
            echoHidden.pointee = 1
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if canHide {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                echoHidden.pointee = 0
            }
        }
        return readLineFromStdin()
    }

    /// For the SIGINT handler: async-signal-safe state (no Swift runtime calls there).
    nonisolated(unsafe) private static let savedTerminal = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let echoHidden = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)

    /// Touches the signal-time state once, so the handler never runs a lazy initialiser.
    static func prepareForSignals() {
        echoHidden.pointee = 0
        savedTerminal.pointee = termios()
    }

    /// Called from the SIGINT handler: turns echo back on if a hidden prompt turned it off.
    static func restoreEcho() {
        if echoHidden.pointee != 0 { tcsetattr(STDIN_FILENO, TCSANOW, savedTerminal) }
    }

    private static func readLineFromStdin() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR {
                if CancellationFlag.isRaised { return nil }  // Ctrl-C: no answer
                continue
            }
            if count <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
