/// Why the configuration could not be read or written. Every case names the
/// file so the user can go and look at it.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a config document nsx can read.
    case corrupt(path: String, reason: String)
    /// A file-system call failed.
    case io(path: String, reason: String)
    /// nsx may not open the file (`mode` is its current permission bits).
    case permissions(path: String, mode: UInt32)
    /// nsx will not use the path: a symlink where its own file should be, a folder others
    /// can write to. `reason` says why and how to fix it.
    case unsafe(path: String, reason: String)

    public var description: String {
        switch self {
        case .corrupt(let path, let reason):
            return "\(path) is not a valid nsx config file: \(reason)"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .permissions(let path, let mode):
            return "\(path): permission denied (mode \(octal(mode)))"
        case .unsafe(let path, let reason):
            return "\(path) \(reason)"
        }
    }
}

/// `0o644` as `0644`, the way chmod and ls users read modes.
func octal(_ mode: UInt32) -> String {
    let digits = String(mode & 0o7777, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
