import NSXOutput

/// The live progress lines of `--wait` on a terminal's stderr: drawn in place, one per thing
/// waited for, and cleared before anything else is written there (`IOStreams.warn` does), so
/// messages never land in the middle of a progress line. Does nothing when stderr is not a
/// terminal.
final class ProgressLines: @unchecked Sendable {
    // @unchecked: used from the one thread that runs the command (and the retry notices it makes).
    private let sink: any TextSink
    private let active: Bool
    private let width: () -> Int
    /// How many lines are on screen now; the cursor is at the end of the last.
    private var shown = 0

    init(sink: any TextSink, active: Bool, width: @escaping () -> Int) {
        self.sink = sink
        self.active = active
        self.width = width
    }

    /// Replaces what is shown with `lines`, each cut to the terminal's width so that none wraps
    /// (a wrapped line would throw off the count of lines to clear).
    func draw(_ lines: [String]) {
        guard active else { return }
        let room = max(10, width() - 1)
        sink.write(erasure() + lines.map { DisplayWidth.truncate($0, to: room) }.joined(separator: "\n"))
        shown = lines.count
    }

    /// Removes the lines; the cursor is left at the start of the first one's place.
    func clear() {
        guard active, shown > 0 else { return }
        sink.write(erasure())
        shown = 0
    }

    /// `\r ESC[K` on the last line, then up and the same for each line above it.
    private func erasure() -> String {
        guard shown > 0 else { return "" }
        return "\r\u{1B}[K" + String(repeating: "\u{1B}[A\r\u{1B}[K", count: shown - 1)
    }
}
