import Foundation

/// Parses `nsx-server`'s own flags. `--flag value` and `--flag=value` both work.
public enum CommandLineOptions {
    public static let usage = """
        usage: nsx-server [--host 127.0.0.1] [--port 8080|0] [--data PATH | --memory]
                          [--users-file FILE]... [--user EMAIL:PASSWORD[:NAME]]... [--demo]
                          [--action-delay SECONDS] [--rate-limit N] [--header-timeout SECONDS]
                          [--idle-timeout SECONDS] [--max-connections N] [--enable-fault-injection]

          --users-file FILE   accounts, one EMAIL:PASSWORD[:NAME] a line; the file must be
                              private (chmod 600). Prefer it to --user, which shows the
                              password to every local user in the process list.
        """

    /// A usage mistake, worded for the person who typed it.
    public struct UsageError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The configuration to run with, or nil when help was asked for.
    public static func parse(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws(UsageError) -> ServerConfiguration? {
        var configuration = ServerConfiguration(storage: .file(ServerConfiguration.defaultDataPath(environment: environment)))
        var dataPath: String?
        var memory = false
        var index = 0
        while index < arguments.count {
            var flag = arguments[index]
            var inlineValue: String?
            if flag.hasPrefix("--"), let equals = flag.firstIndex(of: "=") {
                inlineValue = String(flag[flag.index(after: equals)...])
                flag = String(flag[..<equals])
            }
            index += 1
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard index < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
                defer { index += 1 }
                return arguments[index]
            }
            func noValue() throws(UsageError) {
                if inlineValue != nil { throw UsageError(description: "\(flag) takes no value") }
            }
            switch flag {
            case "-h", "--help":
                return nil
            case "--host":
                configuration.host = try value()
                guard !configuration.host.isEmpty else { throw UsageError(description: "--host needs a host name or address") }
            case "--port":
                let text = try value()
                guard let port = Int(text), (0...65_535).contains(port) else {
                    throw UsageError(description: "--port must be a number from 0 to 65535, not '\(text)'")
                }
                configuration.port = port
            case "--data":
                let path = try value()
                guard !path.isEmpty else { throw UsageError(description: "--data needs a path") }
                dataPath = path
            case "--memory":
                try noValue()
                memory = true
            case "--user":
                configuration.users.append(try seedUser(try value()))
            case "--users-file":
                let path = try value()
                guard !path.isEmpty else { throw UsageError(description: "--users-file needs a path") }
                configuration.usersFiles.append(absolute(path))
            case "--header-timeout":
                configuration.connectionLimits.headerTimeout = try seconds(try value(), flag: flag, from: 0.1, to: 3600)
            case "--idle-timeout":
                configuration.connectionLimits.idleTimeout = try seconds(try value(), flag: flag, from: 0.1, to: 86_400)
            case "--max-connections":
                let text = try value()
                guard let limit = Int(text), (1...1_000_000).contains(limit) else {
                    throw UsageError(description: "--max-connections must be a whole number from 1 to 1000000, not '\(text)'")
                }
                configuration.connectionLimits.maxConnections = limit
            case "--demo":
                try noValue()
                configuration.demo = true
            case "--action-delay":
                let text = try value()
                guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
                    throw UsageError(description: "--action-delay must be a number of seconds (0 to 86400), not '\(text)'")
                }
                configuration.actionDelay = seconds
            case "--rate-limit":
                let text = try value()
                guard let limit = Int(text), limit >= 0 else {
                    throw UsageError(description: "--rate-limit must be a whole number of requests per minute (0 turns it off), not '\(text)'")
                }
                configuration.rateLimit = limit
            case "--enable-fault-injection":
                try noValue()
                configuration.faultInjection = true
            default:
                throw UsageError(description: "unknown option '\(arguments[index - 1])'")
            }
        }
        if memory, dataPath != nil { throw UsageError(description: "--data and --memory cannot be used together") }
        if memory {
            configuration.storage = .memory
        } else if let dataPath {
            configuration.storage = .file(absolute(dataPath))
        }
        return configuration
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    private static func seconds(_ text: String, flag: String, from lowest: Double, to highest: Int) throws(UsageError) -> Double {
        guard let seconds = Double(text), seconds.isFinite, seconds >= lowest, seconds <= Double(highest) else {
            throw UsageError(description: "\(flag) must be a number of seconds (\(lowest) to \(highest)), not '\(text)'")
        }
        return seconds
    }

    /// `EMAIL:PASSWORD[:NAME]`; the name defaults to the email's local part.
    static func seedUser(_ text: String) throws(UsageError) -> SeedUser {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0].contains("@"), !parts[1].isEmpty else {
            throw UsageError(description: "--user must look like EMAIL:PASSWORD[:NAME], not '\(parts.first ?? "")…'")
        }
        let name = parts.count == 3 && !parts[2].isEmpty ? parts[2] : String(parts[0].split(separator: "@")[0])
        return SeedUser(email: parts[0], password: parts[1], name: name)
    }
}
