#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NSXHTTP
import NSXOutput

/// Writes straight to a file descriptor. A closed pipe (`nsx … | head`) ends the process
/// quietly with status 0, so `nsx … | head` is not an error.
final class FileDescriptorSink: TextSink, @unchecked Sendable {
    let fd: Int32

    init(fd: Int32) { self.fd = fd }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    return
                }
                offset += written
            }
        }
    }

    static func readAll(fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR && !CancellationFlag.isRaised { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }
}
