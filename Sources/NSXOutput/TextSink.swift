/// Where rendered output goes: the seam between renderers and stdout.
/// NSXCLI provides the real stdout sink; tests use `BufferSink`.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// Collects everything written, for tests and for output that must be post-processed.
public final class BufferSink: TextSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }

    /// The lines written so far, without the final empty one after a trailing newline.
    public var lines: [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
