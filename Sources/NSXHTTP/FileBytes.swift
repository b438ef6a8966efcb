#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file with plain POSIX calls, failing with the system's words.
enum FileBytes {
    static func read(_ path: String) -> Result<[UInt8], FileReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileReadError(path: path, errno: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(FileReadError(path: path, errno: errno)) }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}

struct FileReadError: Error {
    let path: String
    let errno: Int32

    var message: String { "cannot read \(path): \(String(cString: strerror(errno)))" }
}
