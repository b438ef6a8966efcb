import CSecretShim
import NSXTime
import Synchronization

/// A keyring read started before it is needed, in a child process (`KeyringStore.prefetch`):
/// the command gets on with opening libcurl while the child talks to the Secret Service,
/// and `KeyringStore.read` of the same key takes the answer instead of asking again.
final class PrefetchedRead: Sendable {
    /// The read started and not yet taken, and the children that answered and may still be
    /// exiting; `settle` ends both before nsx exits.
    private static let state = Mutex<(pending: PrefetchedRead?, answered: [Int32])>((nil, []))

    let key: SecretKey
    private let child: NSXSecretChild

    private init(key: SecretKey, child: NSXSecretChild) {
        self.key = key
        self.child = child
    }

    /// Forks the child; false when this process cannot (more than one thread, libsecret
    /// already asked for, no fork), and the read then happens the usual way.
    static func start(_ key: SecretKey) -> Bool {
        let profile = ShimString(key.profile), apiURL = ShimString(key.apiURL)
        var child = NSXSecretChild()
        guard nsx_secret_lookup_fork(profile.pointer, apiURL.pointer, &child) == 0 else { return false }
        let started = PrefetchedRead(key: key, child: child)
        let previous = state.withLock { state in
            defer { state.pending = started }
            return state.pending
        }
        _ = previous?.finish(limit: .zero)  // a second prefetch replaces the first
        return true
    }

    /// The read started for `key`, which the caller now owns; nil when there is none.
    static func take(_ key: SecretKey) -> PrefetchedRead? {
        state.withLock { state in
            guard let read = state.pending, read.key == key else { return nil }
            state.pending = nil
            return read
        }
    }

    /// Stops a read nobody took and waits for every child to exit, so that none outlives nsx
    /// (and the time they took counts as nsx's).
    static func settle() {
        let pending = state.withLock { state in
            defer { state.pending = nil }
            return state.pending
        }
        _ = pending?.finish(limit: .zero)
        let answered = state.withLock { state in
            defer { state.answered = [] }
            return state.answered
        }
        for pid in answered {
            nsx_secret_child_reap(NSXSecretChild(pid: pid, answer_fd: -1, start_unread: 0))
        }
    }

    enum Ending {
        case answered(ShimOutcome)
        case timedOut
        case failed(SecretServiceFailure)
    }

    /// Waits up to `limit` for the child's answer; past it the child is killed.
    func finish(limit: Duration) -> Ending {
        let sink = SecretSink()
        var status: Int32 = 0, locked: Int32 = 0
        var error = NSXSecretError()
        let ending = nsx_secret_lookup_finish(child, Int32(clamping: limit.wholeMilliseconds), SecretSink.receive, sink.context,
                                              &status, &locked, &error)
        switch ending {
        case NSXSecretChildAnswered:
            Self.state.withLock { $0.answered.append(child.pid) }
            var outcome = ShimOutcome(status: status, error: error, secret: withExtendedLifetime(sink) { sink.secret })
            outcome.foundLockedItem = status == 0 && locked > 0
            return .answered(outcome)
        case NSXSecretChildTimedOut:
            return .timedOut
        default:
            return .failed(SecretServiceFailure(error))
        }
    }
}
