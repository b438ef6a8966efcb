import Foundation

/// An account `--user` or `--users-file` seeds.
public struct SeedUser: Sendable, Equatable {
    public var email: String
    public var password: String
    public var name: String

    public init(email: String, password: String, name: String) {
        self.email = email
        self.password = password
        self.name = name
    }

    /// `EMAIL:PASSWORD[:NAME]`, as `--user` and each line of a users file give it; the name
    /// defaults to the email's local part. Nil unless the email has text on both sides of its
    /// `@` and the password is not empty: `@:pw` is refused, never split into nothing.
    public init?(spec text: String) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[1].isEmpty, let at = parts[0].firstIndex(of: "@") else { return nil }
        let localPart = parts[0][..<at]
        let domain = parts[0][parts[0].index(after: at)...]
        guard !localPart.isEmpty, !domain.isEmpty else { return nil }
        self.init(email: String(parts[0]), password: String(parts[1]),
                  name: parts.count == 3 && !parts[2].isEmpty ? String(parts[2]) : String(localPart))
    }
}

/// Everything `nsx-server` can be told on its command line, plus the seams tests use.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var storage: StorageLocation
    public var users: [SeedUser] = []
    /// Files of `EMAIL:PASSWORD[:NAME]` lines (`UsersFile`), read at start-up.
    public var usersFiles: [String] = []
    public var demo = false
    /// Seconds a timed state transition takes.
    public var actionDelay = 2.0
    /// Requests per credential per minute; 0 turns limiting off.
    public var rateLimit = 600
    public var faultInjection = false
    public var passwordIterations = PasswordHasher.defaultIterations
    /// The threads that hash passwords; tests keep a reference to count its jobs.
    public var passwordWorkers = PasswordWorkers()
    public var connectionLimits = ConnectionLimits()
    public var logRequests = true
    public var clock: any ServerClock = SystemClock()

    public init(storage: StorageLocation) {
        self.storage = storage
    }

    /// `$XDG_DATA_HOME/nsx-server/nsx.sqlite`, else `~/.local/share/nsx-server/nsx.sqlite`.
    public static func defaultDataPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return (base as NSString).appendingPathComponent("nsx-server/nsx.sqlite")
    }
}
