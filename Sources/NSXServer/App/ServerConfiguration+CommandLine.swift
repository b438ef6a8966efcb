import Foundation
import NSXCommandLine
import NSXTime

/// What `nsx-server` was asked to do by its command line.
public enum ServerInvocation: Sendable {
    case run(ServerConfiguration)
    /// `--help`: the page to print.
    case help(String)
    /// `--version`: the line to print.
    case version(String)
}

extension CommandLineOptions {
    /// Reads argv (without the program name). Usage errors are NSXCommandLine's, worded the
    /// same way for the checks only the server can make (value ranges are the parser's).
    public static func parse(_ arguments: [String],
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(UsageError) -> ServerInvocation {
        let parsed = try parser.parse(arguments)
        if parsed.helpRequested { return .help(help) }
        if parsed.versionRequested { return .version("nsx-server \(NSXVersion.current)") }
        return .run(try configuration(parsed, environment: environment))
    }

    private static func configuration(_ parsed: ParsedCommand<Never>, environment: [String: String]) throws(UsageError) -> ServerConfiguration {
        if parsed[.memory], parsed[.data] != nil { throw parser.usageError(.conflictingOptions(["--data", "--memory"])) }
        var configuration = ServerConfiguration(storage: parsed[.memory]
            ? .memory
            : .file(absolute(parsed[.data] ?? ServerConfiguration.defaultDataPath(environment: environment))))
        if let host = parsed[.host] {
            guard !host.isEmpty else { throw invalid("", .host, "a host name or address") }
            configuration.host = host
        }
        if let port = parsed[.port] { configuration.port = port }
        for text in parsed[.user] {
            // The value holds a password: only what comes before the first colon is echoed.
            guard let user = SeedUser(spec: text) else {
                throw invalid("\(text.prefix { $0 != ":" })…", .user, "EMAIL:PASSWORD[:NAME]")
            }
            configuration.users.append(user)
        }
        configuration.usersFiles = parsed[.usersFile].map(absolute)
        configuration.demo = parsed[.demo]
        if let delay = parsed[.actionDelay] { configuration.actionDelay = delay }
        if let limit = parsed[.rateLimit] { configuration.rateLimit = limit }
        if let seconds = parsed[.headerTimeout] { configuration.connectionLimits.headerTimeout = seconds }
        if let seconds = parsed[.idleTimeout] { configuration.connectionLimits.idleTimeout = seconds }
        if let limit = parsed[.maxConnections] { configuration.connectionLimits.maxConnections = limit }
        if let text = parsed[.clockStart] {
            guard let start = Timestamp(rfc3339: text) else { throw invalid(text, .clockStart, "an RFC 3339 time, e.g. 2026-01-31T09:00:00Z") }
            configuration.clock = ShiftedClock(startingAt: start.secondsSinceEpoch)
        }
        configuration.faultInjection = parsed[.enableFaultInjection]
        return configuration
    }

    private static func invalid(_ value: String, _ key: some OptionKey, _ expected: String) -> UsageError {
        parser.usageError(.invalidValue(value: value, name: "--" + key.option.long, expected: expected))
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
