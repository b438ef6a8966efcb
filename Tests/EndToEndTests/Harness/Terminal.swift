import Foundation

/// What a program did on a pseudo-terminal: everything it wrote (stdout and stderr share the
/// terminal), how it ended, and — when it was interrupted — how long it took to exit after
/// Ctrl-C was typed.
struct TerminalRun: CustomStringConvertible {
    var status: Int32
    var output: String
    var exitMillisecondsAfterInterrupt: Double?

    /// The output without colour (SGR sequences), for reading the words.
    var text: String { output.replacing(/\u{1B}\[[0-9;]*m/, with: "") }

    /// The lines as a person sees them: colour removed, the terminal's `\r\n` as `\n`.
    var lines: [String] { text.replacing("\r\n", with: "\n").components(separatedBy: "\n") }

    var description: String {
        "exit \(status)" + (exitMillisecondsAfterInterrupt.map { String(format: " %.1f ms after ^C", $0) } ?? "")
            + "\n--- terminal\n" + output.debugDescription
    }
}

/// One answer typed at a prompt: once `prompt` has appeared (after the previous answer's),
/// `answer` and Enter are typed. A hidden answer waits until the terminal's echo is off.
struct TerminalAnswer {
    var prompt: String
    var answer: String
    var hidden = false
}

/// Runs a program on a pseudo-terminal through Python's `pty` (python3 is installed by
/// scripts/install-deps), as a person at a terminal would: answering prompts, in a window
/// `columns` wide (the terminal's own size, as `stty cols` sets it). With `interruptAfter`,
/// types Ctrl-C once that text has appeared and a little more time has passed, then measures
/// how long the program takes to exit.
func runOnTerminal(_ executable: URL, _ arguments: [String], environment: [String: String],
                   answers: [TerminalAnswer] = [], interruptAfter marker: String? = nil,
                   columns: Int? = nil, timeout: TimeInterval = 60) throws -> TerminalRun {
    let script = #"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time
marker, timeout, columns, answers, argv = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5:]
pid, fd = pty.fork()
if pid == 0:
    # As a login shell would start it: no signal blocked (the test runner blocks some).
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    if columns > 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    os.execv(argv[0], argv)
out, sent, status, offset = b"", None, None, 0
deadline = time.monotonic() + timeout
def read(wait):
    global out
    ready, _, _ = select.select([fd], [], [], wait)
    if ready:
        try:
            out += os.read(fd, 65536)
        except OSError:
            pass
while status is None and time.monotonic() < deadline:
    if answers and answers[0][0].encode() in out[offset:]:
        prompt, answer, hidden = answers[0]
        if not hidden or not termios.tcgetattr(fd)[3] & termios.ECHO:
            offset = out.index(prompt.encode(), offset) + len(prompt.encode())
            answers.pop(0)
            os.write(fd, answer.encode() + b"\n")
    if marker and sent is None and marker.encode() in out:
        time.sleep(0.3)  # inside the pause between two polls
        os.write(fd, b"\x03")
        sent = time.monotonic()
    read(0.002 if sent else 0.02)
    done, code = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.waitstatus_to_exitcode(code)
        elapsed = (time.monotonic() - sent) * 1000 if sent else None
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    status, elapsed = -9, None
for _ in range(20):
    read(0.01)
print(json.dumps({"status": status, "elapsed": elapsed, "output": out.decode("utf-8", "replace")}))
"""#
    let answersJSON = String(decoding: try JSONSerialization.data(withJSONObject: answers.map { [$0.prompt, $0.answer, $0.hidden] as [Any] }),
                             as: UTF8.self)
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/python3"),
                                ["-c", script, marker ?? "", String(timeout), String(columns ?? 0), answersJSON, executable.path] + arguments,
                                environment: environment, timeout: timeout + 30)
    guard result.status == 0,
          let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
          let status = object["status"] as? Int, let output = object["output"] as? String else {
        throw HarnessError.terminal(result.description)
    }
    return TerminalRun(status: Int32(status), output: output, exitMillisecondsAfterInterrupt: object["elapsed"] as? Double)
}

extension NSXUser {
    /// Runs `nsx ARGS…` on a pseudo-terminal with this user's environment, `TERM=xterm-256color`
    /// and `extraEnvironment`.
    func onTerminal(_ arguments: [String], answers: [TerminalAnswer] = [], interruptAfter marker: String? = nil,
                    columns: Int? = nil, extraEnvironment: [String: String] = [:]) throws -> TerminalRun {
        var env = environment
        env["TERM"] = "xterm-256color"
        if let columns { env["COLUMNS"] = String(columns) }
        return try runOnTerminal(BuildProducts.nsx, arguments, environment: env.merging(extraEnvironment) { $1 },
                                 answers: answers, interruptAfter: marker, columns: columns)
    }
}
