/// Why the server refuses to start, worded for the person who started it: each says what is
/// wrong and how to fix it. `nsx-server` prints it and exits with status 1.
public enum StartupError: Error, Equatable, CustomStringConvertible {
    /// A file holding accounts, keys or data that group or others may read or write.
    case notPrivate(path: String, mode: UInt32)
    case notAFolder(path: String)
    case fileSystem(path: String, reason: String)
    /// A users file line that is not `EMAIL:PASSWORD[:NAME]` (the line is never echoed: it holds a password).
    case malformedUser(path: String, line: Int)

    public var description: String {
        switch self {
        case .notPrivate(let path, let mode):
            "\(path) can be read or changed by other users (mode \(String(mode, radix: 8))); "
                + "it holds secrets, so make it yours alone: chmod 600 \(path)"
        case .notAFolder(let path):
            "\(path) is not a folder; pick another --data path"
        case .fileSystem(let path, let reason):
            "\(path): \(reason)"
        case .malformedUser(let path, let line):
            "\(path) line \(line): expected EMAIL:PASSWORD[:NAME]"
        }
    }
}
