import NSXCommandLine

/// `--wait [--wait-timeout 5m]` as given: nil when the command should not wait.
struct WaitRequest: Equatable {
    static let defaultTimeoutSeconds = 300

    var timeoutSeconds: Int

    static func parse(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> WaitRequest? {
        let timeout = parsed[.waitTimeout]
        guard parsed[.wait] else {
            if timeout != nil { throw .usage("--wait-timeout only applies with --wait") }
            return nil
        }
        if let timeout, timeout <= 0 { throw .usage("--wait-timeout must be longer than 0 seconds") }
        return WaitRequest(timeoutSeconds: timeout ?? defaultTimeoutSeconds)
    }
}
