import NSXCommandLine
import NSXConfig
import NSXHTTP
import NSXKeyring
import NSXOutput

/// Every way a command can fail. Commands throw these (or the module errors they wrap);
/// `ErrorPresenter` turns each into words, a hint and an exit code — in one place.
public enum CLIError: Error {
    /// The words on the command line are wrong (exit 2).
    case usage(String, hint: String? = nil)
    case parse(UsageError)
    case output(OutputError)
    /// A destructive command without a terminal and without `--yes` (exit 2, nothing changed).
    case confirmationRequired(action: String)
    /// The user answered no at a confirmation prompt.
    case declined

    case api(APIError)
    case transport(TransportError)
    case retryAfterTooLong(seconds: Int, requestID: String?)
    case malformedResponse(String, requestID: String?)
    /// A route of our reading of the API that this server lacks (a 404 on the route itself).
    case unsupported(feature: String)

    case notLoggedIn(profile: String)
    /// The profile holds a login, but for another API URL than the one in effect.
    case loggedInElsewhere(profile: String, storedURL: String, requestedURL: String)
    case sessionExpired(profile: String, at: String)
    case badCredential(String)
    case keyring(SecretStoreError, storing: Bool)
    case config(ConfigError)
    case io(String)

    /// A name given where an ID is taken matched nothing (exit 5) or several things (exit 2).
    case nameNotFound(kind: String, name: String)
    case ambiguousName(kind: String, name: String, candidates: [String])

    case waitTimedOut(what: String, seconds: Int, lastStatus: String)
    case waitFailed(what: String, status: String)

    /// Several IDs in one call: some failed; the exit code is that of the first failure.
    case batchFailed(first: ExitCode, failures: Int, total: Int)

    /// A command of several steps stopped after some of them (`tokens rotate` created the
    /// new token but could not revoke the old): what was done, what is left, and why.
    /// The exit code is the cause's.
    indirect case stoppedPartWay(done: String, next: [String], cause: CLIError)

    /// A check failed (`doctor`): the command already explained why.
    case checksFailed(Int)
    /// `tokens scan` found tokens, or `tokens audit --fail` found something to fix; the
    /// command already listed them (exit 10).
    case findings(String, hint: String? = nil)
    case interrupted
}
