import NSXHTTP
import NSXJSON
import NSXOutput

/// `--wait`: polls resources until each reaches an end state, with a live progress line for
/// each on a terminal and nothing when piped. Several are waited for together: each round
/// polls every one still going, then pauses once, through the same `Sleeper` as HTTP retries,
/// which Ctrl-C wakes at once.
struct Waiter {
    struct Target {
        var id: String
        var path: String
        /// `instance web-1`, for messages (already terminal-safe).
        var description: String
        /// Statuses that end the wait successfully.
        var done: Set<String>
        /// Statuses that end it as a failure (exit 9).
        var failed: Set<String> = ["failed"]
        /// The command that shows it later, for when the wait is stopped: `nsx instances get ins_…`.
        var check: String
    }

    let client: APIClient
    let streams: IOStreams
    let sleeper: Sleeper
    let timeoutSeconds: Int

    private static let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    /// One resource in its end state; a timeout or a failed end is `waitTimedOut`/`waitFailed`
    /// carrying the object as last seen.
    func wait(for target: Target) throws(CLIError) -> JSONValue {
        try wait(for: [target])[0].get()
    }

    /// Each resource's end state or failure, in order. Ctrl-C is `waitInterrupted`, naming
    /// what was still going on and how to check it.
    func wait(for targets: [Target]) throws(CLIError) -> [Result<JSONValue, CLIError>] {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .seconds(timeoutSeconds)
        var outcomes: [Result<JSONValue, CLIError>?] = Array(repeating: nil, count: targets.count)
        var last: [JSONValue?] = Array(repeating: nil, count: targets.count)
        var delay = Duration.milliseconds(100)
        var tick = 0
        defer { streams.progress.clear() }

        func status(_ index: Int) -> String { last[index]?["status"]?.stringValue ?? "unknown" }
        func interrupted() -> CLIError {
            .waitInterrupted(pending: targets.indices.filter { outcomes[$0] == nil }.map { index in
                PendingWait(what: "\(targets[index].description) (\(targets[index].id))", status: terminalSafe(status(index)),
                            check: targets[index].check)
            })
        }

        while true {
            for index in targets.indices where outcomes[index] == nil {
                let target = targets[index]
                do throws(CLIError) {
                    let response = try client.get(target.path)
                    let current = try response.resource()
                    guard let now = current["status"]?.stringValue else {
                        throw CLIError.malformedResponse("a \(target.description) answer without a status", requestID: response.requestID)
                    }
                    last[index] = current
                    if target.done.contains(now) {
                        outcomes[index] = .success(current)
                    } else if target.failed.contains(now) {
                        outcomes[index] = .failure(.waitFailed(what: target.description, status: now, last: current))
                    }
                } catch {
                    if CancellationFlag.isRaised { throw interrupted() }
                    outcomes[index] = .failure(error)
                }
            }
            let pending = targets.indices.filter { outcomes[$0] == nil }
            let now = clock.now
            if pending.isEmpty || now >= deadline {
                for index in pending {
                    outcomes[index] = .failure(.waitTimedOut(what: targets[index].description, seconds: timeoutSeconds,
                                                             lastStatus: status(index), last: last[index]))
                }
                return outcomes.map { $0! }
            }
            let elapsed = Int((now - start).components.seconds)
            let frame = Self.spinner[tick % Self.spinner.count]
            streams.progress.draw(pending.map { index in
                "\(frame) waiting for \(targets[index].description): \(terminalSafe(status(index))) (\(elapsed)s)"
            })
            tick += 1
            do {
                try sleeper.sleep(for: min(delay, deadline - now))
            } catch {
                if CancellationFlag.isRaised { throw interrupted() }
                if case .interrupted = error { throw interrupted() }
                throw .transport(error)
            }
            delay = min(delay * 1.5, .seconds(2))
        }
    }
}
