import Foundation
import NSXTime

/// One stderr line per request: time, method, path (never the query, which may carry
/// secrets), status, duration and request id. Credentials are never logged.
public final class RequestLog: Sendable {
    private let enabled: Bool
    /// The time of the last line, as written, and its second: the same second is written
    /// again without formatting it again. Guarded by the lock that keeps lines whole.
    private let lastStamp = Locked((second: Int.min, text: [UInt8]()))

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    func record(method: String, path: String, status: String, milliseconds: Double, requestID: String, note: String? = nil) {
        guard enabled else { return }
        let second = WallClock.system.now().seconds
        var line = " \(method) \(Self.sanitized(path)) \(status) \(Self.tenths(milliseconds))ms \(requestID)"
        if let note { line += " \(note)" }
        line += "\n"
        lastStamp.withLock { stamp in
            if stamp.second != second { stamp = (second, Array(Timestamp(seconds: second).rfc3339.utf8)) }
            let bytes = stamp.text + line.utf8
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }

    private static func tenths(_ milliseconds: Double) -> String {
        let tenths = Int((milliseconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Control characters from the request line must not reach a terminal.
    private static func sanitized(_ path: String) -> String {
        // The common case, checked on bytes: nothing to replace, nothing to cut.
        if path.utf8.count <= 512, !path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return path }
        return String(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }.prefix(512))
    }
}
