import NSXTime

/// Sends a request through a transport and tries again when the network or a briefly
/// unavailable server was at fault: connection failures and timeouts, 429, 502, 503, 504.
///
/// Waits grow exponentially with jitter unless the server names one in `Retry-After`.
/// At most `policy.maxRetries` more attempts, all within `policy.budget`: waits and attempts
/// together, each attempt limited to what is left of it. The final retryable response (a 429
/// or 5xx) is returned as it is; the caller reports it.
public final class RetryingClient: Sendable {
    private let transport: any HTTPTransport
    private let policy: RetryPolicy
    private let sleeper: Sleeper
    private let jitter: @Sendable () -> Double
    private let trace: (any HTTPTrace)?
    private let clock: WallClock
    private let announce: (@Sendable (RetryNotice) -> Void)?

    /// - Parameters:
    ///   - jitter: a number in 0..<1 for each backoff; random unless a test fixes it.
    ///   - trace: told about each retry (the transport traces the attempts themselves).
    ///   - clock: what an HTTP-date `Retry-After` is measured from.
    ///   - announce: told before each pause (`RetryNotice`).
    public init(
        transport: any HTTPTransport, policy: RetryPolicy = .default, sleeper: Sleeper = .real,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, trace: (any HTTPTrace)? = nil,
        clock: WallClock = .system, announce: (@Sendable (RetryNotice) -> Void)? = nil
    ) {
        self.transport = transport
        self.policy = policy
        self.sleeper = sleeper
        self.jitter = jitter
        self.trace = trace
        self.clock = clock
        self.announce = announce
    }

    public func send(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
        let request = Self.withIdempotencyKey(request)
        let attempts = max(1, policy.maxRetries + 1)
        var spent = Duration.zero
        // Whether an earlier attempt may have done the work although we saw no answer.
        var earlierAttemptMayHaveActed = false
        var attempt = 1
        while true {
            var attemptRequest = request
            attemptRequest.timeLimit = min(request.timeLimit ?? policy.budget, policy.budget - spent)
            let started = ContinuousClock.now
            let outcome = Result { () throws(TransportError) in try transport.send(attemptRequest) }
            spent += ContinuousClock.now - started
            let retriesLeft = attempt < attempts

            let delay: Duration
            let reason: String
            var status: Int?
            switch outcome {
            case .success(var response):
                if request.method.uppercased() == "DELETE", response.status == 404, earlierAttemptMayHaveActed {
                    response.deletedOnEarlierAttempt = true
                }
                guard retriesLeft, policy.retryableStatuses.contains(response.status) else { return response }
                if let asked = response.header("Retry-After").flatMap({ RetryAfter.delay($0, now: clock.now()) }) {
                    guard leavesRoom(spent + asked) else {
                        throw .retryAfterTooLong(seconds: asked.wholeSecondsRoundedUp, response: response)
                    }
                    delay = asked
                } else {
                    delay = policy.backoff(beforeRetry: attempt, jitter: jitter())
                    guard leavesRoom(spent + delay) else { return response }
                }
                // 429 and 503 say the server did not act; a gateway's 502 or 504 does not know.
                if response.status == 502 || response.status == 504 { earlierAttemptMayHaveActed = true }
                reason = String(response.status)
                status = response.status
            case .failure(let error):
                guard retriesLeft, error.isRetryable else { throw .transport(error) }
                // Not connected, so its credential was never asked for: ask now, and without
                // one make no more attempts (the caller reports why it has none).
                if let credentialHeaders = request.credentialHeaders {
                    do { _ = try credentialHeaders() } catch { throw .transport(.withdrawn) }
                }
                delay = policy.backoff(beforeRetry: attempt, jitter: jitter())
                guard leavesRoom(spent + delay) else { throw .transport(error) }
                if error.requestMayHaveReachedServer { earlierAttemptMayHaveActed = true }
                reason = error.description
            }

            trace?.retry(after: delay, attempt: attempt + 1, of: attempts, reason: reason)
            announce?(RetryNotice(delay: delay, status: status, attempt: attempt + 1, attempts: attempts))
            do {
                try sleeper.sleep(for: delay)
            } catch {
                throw .transport(error)
            }
            spent += delay
            attempt += 1
        }
    }

    /// Whether, after `used` of the budget, another attempt still has time to be made: a
    /// second, or a tenth of a budget shorter than ten.
    private func leavesRoom(_ used: Duration) -> Bool {
        policy.budget - used >= min(.seconds(1), policy.budget / 10)
    }

    /// A POST gets one key for all its attempts, so the server runs it at most once.
    static func withIdempotencyKey(_ request: HTTPRequest) -> HTTPRequest {
        guard request.method.uppercased() == "POST", request.addsIdempotencyKey,
              request.header(IdempotencyKey.headerName) == nil
        else { return request }
        var keyed = request
        keyed.headers.append((IdempotencyKey.headerName, IdempotencyKey.generate()))
        return keyed
    }
}

extension Duration {
    var wholeSecondsRoundedUp: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }
}
