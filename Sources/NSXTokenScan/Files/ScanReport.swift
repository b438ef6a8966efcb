/// A token found in a file: where, and its public prefix. Never the secret.
public struct TokenHit: Sendable, Equatable {
    /// The path as given or walked (`src/app.env`, `/etc/app.conf`), or as git names it
    /// for `--staged`.
    public var file: String
    public var line: Int
    public var column: Int
    public var environment: TokenEnvironment
    public var prefix: String

    public init(file: String, match: TokenMatch) {
        self.file = file
        line = match.line
        column = match.column
        environment = match.environment
        prefix = match.prefix
    }

    /// By file, then position: output does not depend on which thread finished first.
    static func ordered(_ a: TokenHit, _ b: TokenHit) -> Bool {
        if a.file != b.file { return Array(a.file.utf8).lexicographicallyPrecedes(Array(b.file.utf8)) }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }
}

/// Something that could not be scanned; the scan goes on without it.
public struct ScanWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// What a scan found, sorted; and what it looked at.
public struct ScanReport: Sendable {
    public var hits: [TokenHit] = []
    public var warnings: [ScanWarning] = []
    public var filesScanned = 0
    public var bytesScanned = 0
    /// Binary files left out (NUL in the first 8 KiB) because binary scanning was not asked for.
    public var binaryFilesSkipped = 0

    public init() {}

    mutating func absorb(_ other: ScanReport) {
        hits += other.hits
        warnings += other.warnings
        filesScanned += other.filesScanned
        bytesScanned += other.bytesScanned
        binaryFilesSkipped += other.binaryFilesSkipped
    }

    mutating func sort() {
        hits.sort(by: TokenHit.ordered)
        warnings.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }
}

/// Why a scan could not run at all.
public enum ScanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A PATH argument that does not exist.
    case noSuchPath(String)
    /// `--staged` outside a git work tree, or git could not be run.
    case git(String)

    public var description: String {
        switch self {
        case .noSuchPath(let path): "\(path): no such file or directory"
        case .git(let message): message
        }
    }
}
