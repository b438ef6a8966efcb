/// Reads `git diff --cached -U0` line by line and hands on each added line with the file it
/// is in and its line number in the new version of that file.
///
/// With `-U0` a hunk `@@ -a,b +c,d @@` is followed by exactly b removed and d added lines,
/// so the parser counts them: a content line that happens to start with `+++ ` or `diff `
/// is never mistaken for a header.
struct StagedDiffParser {
    /// An added line: the new file's path (as git names it, from the top of the work tree),
    /// its line number there, and its bytes without the leading `+`.
    typealias AddedLine = (path: [UInt8], line: Int, content: ArraySlice<UInt8>)

    private enum State {
        /// Between files, or in a file's header lines.
        case header
        /// Inside a hunk, with lines of each side still to come.
        case hunk(removed: Int, added: Int)
    }

    private var state = State.header
    private var path: [UInt8]?
    private var nextLine = 0
    private var pending: [UInt8] = []
    private let onAdded: (AddedLine) -> Void

    init(onAdded: @escaping (AddedLine) -> Void) { self.onAdded = onAdded }

    /// Feeds bytes as they come from git; lines may be split anywhere.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if pending.isEmpty {
                handle(Array(bytes[start..<index])[...])
            } else {
                pending.append(contentsOf: bytes[start..<index])
                handle(pending[...])
                pending.removeAll(keepingCapacity: true)
            }
            start = index + 1
        }
        pending.append(contentsOf: bytes[start...])
    }

    /// The last line, when git's output does not end with a newline.
    mutating func finish() {
        if !pending.isEmpty { handle(pending[...]) }
        pending = []
    }

    private mutating func handle(_ line: ArraySlice<UInt8>) {
        if case .hunk(let removed, let added) = state, removed + added > 0 {
            switch line.first {
            case UInt8(ascii: "+"):
                if let path { onAdded((path, nextLine, line.dropFirst())) }
                nextLine += 1
                state = .hunk(removed: removed, added: added - 1)
            case UInt8(ascii: "-"):
                state = .hunk(removed: removed - 1, added: added)
            case UInt8(ascii: " "):
                nextLine += 1
                state = .hunk(removed: max(0, removed - 1), added: max(0, added - 1))
            default:
                break   // "\ No newline at end of file"
            }
            return
        }
        if starts(line, with: "diff ") {
            state = .header
            path = nil
        } else if starts(line, with: "+++ ") {
            path = newPath(line.dropFirst(4))
        } else if starts(line, with: "@@ "), let hunk = Self.hunkHeader(line) {
            nextLine = hunk.start
            state = .hunk(removed: hunk.removed, added: hunk.added)
        }
    }

    /// `b/src/app.env` or `"b/…"` → `src/app.env`; `/dev/null` (a deleted file) → nil.
    private func newPath(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var name = text
        // git ends a name that holds a space with a tab, as GNU diff does.
        if name.last == 0x09 { name = name.dropLast() }
        let unquoted = GitQuotedPath.unquote(name)
        if unquoted == Array("/dev/null".utf8) { return nil }
        guard unquoted.starts(with: Array("b/".utf8)) else { return unquoted }
        return Array(unquoted.dropFirst(2))
    }

    /// `@@ -a[,b] +c[,d] @@…` → where the new lines start and how many lines each side has.
    static func hunkHeader(_ line: ArraySlice<UInt8>) -> (start: Int, removed: Int, added: Int)? {
        let words = line.split(separator: UInt8(ascii: " "))
        guard words.count >= 3, words[1].first == UInt8(ascii: "-"), words[2].first == UInt8(ascii: "+"),
              let old = range(words[1].dropFirst()), let new = range(words[2].dropFirst()) else { return nil }
        return (new.start, old.count, new.count)
    }

    private static func range(_ text: ArraySlice<UInt8>) -> (start: Int, count: Int)? {
        let parts = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard let first = parts.first, let start = Int(String(decoding: first, as: UTF8.self)) else { return nil }
        guard parts.count == 2 else { return parts.count == 1 ? (start, 1) : nil }
        guard let count = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        return (start, count)
    }

    private func starts(_ line: ArraySlice<UInt8>, with prefix: String) -> Bool {
        line.starts(with: prefix.utf8)
    }
}
