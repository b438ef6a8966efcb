import Foundation

/// Writes whole lines to stderr with write(2), without Foundation's buffering, so lines
/// from concurrent requests never interleave.
enum StandardError {
    private static let lock = Locked(())

    static func write(_ line: String) {
        let bytes = Array(line.utf8)
        lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}
