import Foundation
import NSXTime

/// One stderr line per request: time, method, path (never the query, which may carry
/// secrets), status, duration and request id. Credentials are never logged.
public final class RequestLog: Sendable {
    private let enabled: Bool
    private let lock = Locked(())

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    func record(method: String, path: String, status: String, milliseconds: Double, requestID: String, note: String? = nil) {
        guard enabled else { return }
        var line = WallClock.system.now().rfc3339
        line += " \(method) \(Self.sanitized(path)) \(status) \(Self.tenths(milliseconds))ms \(requestID)"
        if let note { line += " \(note)" }
        line += "\n"
        let bytes = Array(line.utf8)
        lock.withLock { _ in
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
        String(path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }.prefix(512))
    }
}
