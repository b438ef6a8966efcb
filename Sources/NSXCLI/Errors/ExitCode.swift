/// The exit codes of nsx; scripts depend on these numbers. `nsx help exit-codes` and the
/// man page (man/nsx.1) list them from here.
public enum ExitCode: Int32, Sendable, CaseIterable {
    case success = 0
    case failure = 1
    case usage = 2
    case notAuthenticated = 3
    case permissionDenied = 4
    case notFound = 5
    case conflict = 6
    case network = 7
    case rateLimited = 8
    case waitGaveUp = 9
    case findings = 10
    case interrupted = 130

    var meaning: String {
        switch self {
        case .success: "success"
        case .failure: "any other failure (API 5xx or 405, malformed response, refused redirect, response too large, local storage)"
        case .usage: "usage: unknown command or flag, bad or ambiguous value, missing --yes without a terminal, API 400/413"
        case .notAuthenticated: "not authenticated: no credential, 401, expired session, keyring unreachable when a credential is needed"
        case .permissionDenied: "permission denied (403)"
        case .notFound: "not found (404)"
        case .conflict: "conflict (409, including IDEMPOTENCY_CONFLICT)"
        case .network: "network: cannot connect, timeout, TLS failure"
        case .rateLimited: "rate limited (429) after retries"
        case .waitGaveUp: "--wait gave up: timeout, or the resource ended failed"
        case .findings: "findings: tokens scan found tokens in files, or tokens audit --fail found something to fix"
        case .interrupted: "interrupted"
        }
    }
}
