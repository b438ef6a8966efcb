/// A path as the file system has it: bytes, which need not be valid UTF-8. The same bytes
/// are opened and shown, so a hit names exactly the file it was found in. The empty path
/// is the current directory with nothing to show for it (`nsx tokens scan` with no PATH
/// prints `src/app.env`, not `./src/app.env`, as ripgrep does).
struct FilePath: Sendable, Hashable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ text: String) { bytes = Array(text.utf8) }

    static let currentDirectory = FilePath([])

    func appending(_ name: some Collection<UInt8>) -> FilePath {
        if bytes.isEmpty { return FilePath(Array(name)) }
        var joined = bytes
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined.append(contentsOf: name)
        return FilePath(joined)
    }

    /// For messages and output; bytes that are not UTF-8 become U+FFFD.
    var display: String { bytes.isEmpty ? "." : String(decoding: bytes, as: UTF8.self) }

    /// Calls `body` with the path as a C string (`.` for the empty path).
    func withCString<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
        var terminated = bytes.isEmpty ? [UInt8(ascii: ".")] : bytes
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
