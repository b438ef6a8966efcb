#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NSXOutput

/// Swallows what is written to it.
final class DiscardingSink: TextSink {
    func write(_ text: String) {}
}

/// Owns stdin, stdout and stderr, knows which are terminals, and decides styling for each
/// (as gh's IOStreams and ColorScheme do). Tests build one over buffers; the real one
/// writes to file descriptors 0, 1 and 2.
public final class IOStreams: @unchecked Sendable {
    public let stdinIsTerminal: Bool
    public let stdoutIsTerminal: Bool
    public let stderrIsTerminal: Bool
    /// `--no-input` / `NSX_NO_INPUT=1`: behave as if there were no terminal to ask on.
    public var neverPrompt = false
    /// Whether a person asked for no colour anywhere (`useColor(…)` decides it).
    public private(set) var colorAllowed = true
    public let out: any TextSink
    public let err: any TextSink
    private let readInput: () -> [UInt8]?
    private let readLine: (_ prompt: String, _ hidden: Bool) -> String?
    private let widthProvider: () -> Int

    public init(out: any TextSink, err: any TextSink,
                stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool,
                readInput: @escaping () -> [UInt8]?,
                readLine: @escaping (_ prompt: String, _ hidden: Bool) -> String?,
                width: @escaping () -> Int) {
        self.out = out
        self.err = err
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.readInput = readInput
        self.readLine = readLine
        self.widthProvider = width
    }

    /// The process's own streams.
    public static func system() -> IOStreams {
        IOStreams(out: FileDescriptorSink(fd: STDOUT_FILENO), err: FileDescriptorSink(fd: STDERR_FILENO),
                  stdinIsTerminal: isatty(STDIN_FILENO) == 1,
                  stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
                  stderrIsTerminal: isatty(STDERR_FILENO) == 1,
                  readInput: { FileDescriptorSink.readAll(fd: STDIN_FILENO) },
                  readLine: Terminal.prompt,
                  width: Terminal.width)
    }

    /// The same stdout, with stderr discarded, no terminal and nothing to ask on: for shell
    /// completion (`nsx __complete`), which must never print a message or wait for an answer.
    public func forCompletion() -> IOStreams {
        let copy = IOStreams(out: out, err: DiscardingSink(), stdinIsTerminal: false, stdoutIsTerminal: false,
                             stderrIsTerminal: false, readInput: { nil }, readLine: { _, _ in nil }, width: widthProvider)
        copy.neverPrompt = true
        copy.colorAllowed = false
        return copy
    }

    /// The one decision about colour, for both streams: none with `--no-color`, with `NO_COLOR`
    /// set and not empty (no-color.org), with `TERM=dumb`, or after `nsx config set color never`.
    /// Each stream then has colour only when it is a terminal.
    public func useColor(noColorFlag: Bool, environment: [String: String], setting: String?) {
        colorAllowed = !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb" && setting != "never"
    }

    /// Styling for what goes to stdout (tables, frames, status blocks).
    public var outStyle: Style { Style(enabled: colorAllowed && stdoutIsTerminal) }
    /// Styling for what goes to stderr (errors, hints, notes, progress).
    public var errStyle: Style { Style(enabled: colorAllowed && stderrIsTerminal) }

    /// Whether a person can be asked something: a terminal on stdin and stderr, and no `--no-input`.
    public var canPrompt: Bool { stdinIsTerminal && stderrIsTerminal && !neverPrompt }

    public var terminalWidth: Int { widthProvider() }

    public func print(_ text: String) { out.write(text + "\n") }
    public func warn(_ text: String) { err.write(text + "\n") }

    /// All of stdin, or nil when it cannot be read.
    public func readAllInput() -> [UInt8]? { readInput() }

    /// Asks on the terminal; `hidden` turns echo off (passwords). Nil when there is no answer.
    public func prompt(_ question: String, hidden: Bool = false) -> String? {
        guard canPrompt else { return nil }
        return readLine(question, hidden)
    }

    /// Asks a yes/no question; false without a terminal.
    public func confirm(_ question: String) -> Bool {
        guard let answer = prompt("\(question) [y/N] ") else { return false }
        return ["y", "yes"].contains(answer.trimmingWhitespace().lowercased())
    }
}
