#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds tokens (TokenShape) in bytes. The hot loop is `memchr` for the rare byte of the
/// anchor; Swift looks only at the few bytes around each candidate. Line numbers are
/// counted lazily, only up to each match, so a file without a token costs one pass of
/// `memchr`.
public enum TokenMatcher {
    public static func matches(in bytes: [UInt8]) -> [TokenMatch] {
        bytes.withUnsafeBytes { matches(in: $0) }
    }

    public static func matches(in text: String) -> [TokenMatch] {
        matches(in: Array(text.utf8))
    }

    /// Every token in `bytes`, in order. `firstLine` numbers the first line (a staged diff
    /// scans one line at a time).
    public static func matches(in bytes: UnsafeRawBufferPointer, firstLine: Int = 1) -> [TokenMatch] {
        guard bytes.count >= TokenShape.length, let base = bytes.baseAddress else { return [] }
        let count = bytes.count
        var found: [TokenMatch] = []
        var lines = LineCursor(line: firstLine)
        // Candidates are positions of the rare byte; a token's x is at least 2 bytes in and
        // leaves room for the rest of the token after it.
        var position = TokenShape.rareByteOffset
        let lastX = count - (TokenShape.length - TokenShape.rareByteOffset)
        while position <= lastX {
            guard let hit = memchr(base + position, Int32(TokenShape.rareByte), lastX + 1 - position) else { break }
            let x = base.distance(to: UnsafeRawPointer(hit))
            let start = x - TokenShape.rareByteOffset
            if let environment = tokenEnvironment(at: start, in: base, count: count) {
                lines.advance(to: start, in: base)
                let prefix = String(decoding: UnsafeRawBufferPointer(start: base + start, count: TokenShape.publicPrefixLength), as: UTF8.self)
                found.append(TokenMatch(line: lines.line, column: start - lines.lineStart + 1, environment: environment, prefix: prefix))
                position = x + TokenShape.length
            } else {
                position = x + 1
            }
        }
        return found
    }

    /// The environment when a whole token, with its boundaries, starts at `start`. Most
    /// candidates are an `x` in some other word, so the bytes around it are checked first,
    /// as constants (no array, no lazy global on this path).
    @inline(__always)
    static func tokenEnvironment(at start: Int, in base: UnsafeRawPointer, count: Int) -> TokenEnvironment? {
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        guard start >= 0, start + TokenShape.length <= count,
              bytes[start] == UInt8(ascii: "n"), bytes[start + 1] == UInt8(ascii: "s"),
              bytes[start + 3] == UInt8(ascii: "_"), bytes[start + 8] == UInt8(ascii: "_") else { return nil }
        let environment: TokenEnvironment
        switch (bytes[start + 4], bytes[start + 5], bytes[start + 6], bytes[start + 7]) {
        case (UInt8(ascii: "l"), UInt8(ascii: "i"), UInt8(ascii: "v"), UInt8(ascii: "e")): environment = .live
        case (UInt8(ascii: "t"), UInt8(ascii: "e"), UInt8(ascii: "s"), UInt8(ascii: "t")): environment = .test
        default: return nil
        }
        if start > 0 && TokenShape.isWordByte(bytes[start - 1]) { return nil }
        let bodyStart = start + TokenShape.typePrefixLength
        for index in bodyStart..<(bodyStart + TokenShape.bodyLength) where !TokenShape.isBase62(bytes[index]) {
            return nil
        }
        let end = start + TokenShape.length
        if end < count && TokenShape.isWordByte(bytes[end]) { return nil }
        return environment
    }
}

/// Counts lines forward through a buffer, remembering where the current line starts.
struct LineCursor {
    var line: Int
    /// Offset of the first byte of `line`.
    var lineStart = 0
    /// Everything before this offset has been counted.
    private var counted = 0

    init(line: Int = 1) { self.line = line }

    mutating func advance(to offset: Int, in base: UnsafeRawPointer) {
        while counted < offset, let newline = memchr(base + counted, 0x0A, offset - counted) {
            let index = base.distance(to: UnsafeRawPointer(newline))
            line += 1
            lineStart = index + 1
            counted = index + 1
        }
        counted = max(counted, offset)
    }
}
