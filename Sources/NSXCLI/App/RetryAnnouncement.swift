import NSXHTTP

/// What a person at a terminal is told before nsx pauses to try again (`RetryNotice`), so a
/// minute's wait for a rate limit never looks like a hang: `rate limited; retrying in 56 s
/// (Ctrl-C to stop)`. Scripts (stderr not a terminal) are told nothing; `-v` traces it anyway.
enum RetryAnnouncement {
    static func line(_ notice: RetryNotice) -> String {
        let why = switch notice.status {
        case 429?: "rate limited"
        case 503?: "the API is unavailable (503)"
        case let status?: "the API's gateway failed (\(status))"
        case nil: "the connection failed"
        }
        return "\(why); retrying in \(notice.seconds) s (Ctrl-C to stop)"
    }
}
