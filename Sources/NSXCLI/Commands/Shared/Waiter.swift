import NSXHTTP
import NSXJSON
import NSXOutput

/// `--wait`: polls a resource with backoff until it reaches an end state, showing a live
/// progress line on a terminal and nothing when piped. Pauses go through the same
/// `Sleeper` as HTTP retries, which Ctrl-C wakes at once.
struct Waiter {
    struct Goal {
        /// Statuses that end the wait successfully.
        var done: Set<String>
        /// Statuses that end it as a failure (exit 9).
        var failed: Set<String> = ["failed"]
        /// What is being waited for, for messages: `instance web-1 to be running`.
        var description: String
    }

    let client: APIClient
    let streams: IOStreams
    let sleeper: Sleeper
    let timeoutSeconds: Int

    /// Returns the resource in its end state.
    func wait(for path: String, goal: Goal) throws(CLIError) -> JSONValue {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .seconds(timeoutSeconds)
        var delay = Duration.milliseconds(100)
        let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
        var tick = 0
        defer { if streams.stderrIsTerminal { streams.err.write("\r\u{1B}[K") } }
        while true {
            let response = try client.get(path)
            let current = try response.resource()
            guard let status = current["status"]?.stringValue else {
                throw .malformedResponse("a \(goal.description) answer without a status", requestID: response.requestID)
            }
            if goal.done.contains(status) { return current }
            if goal.failed.contains(status) { throw .waitFailed(what: goal.description, status: status) }
            let now = clock.now
            if now >= deadline {
                throw .waitTimedOut(what: goal.description, seconds: timeoutSeconds, lastStatus: status)
            }
            if streams.stderrIsTerminal {
                let elapsed = Int((now - start).components.seconds)
                streams.err.write("\r\u{1B}[K\(spinner[tick % spinner.count]) waiting for \(goal.description): \(status) (\(elapsed)s)")
                tick += 1
            }
            do {
                try sleeper.sleep(for: min(delay, deadline - now))
            } catch {
                throw .transport(error)
            }
            delay = min(delay * 1.5, .seconds(2))
        }
    }
}
