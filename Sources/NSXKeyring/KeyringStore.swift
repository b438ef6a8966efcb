import CSecretShim
import Synchronization

/// Secrets in the Secret Service (GNOME keyring and friends) through
/// libsecret: schema `com.nurosentrix.nsx`, attributes `profile` and
/// `api_url`, one item per key in the default collection.
///
/// Keyring daemons can hang, so every call runs on a thread of its own and
/// is abandoned (and cancelled) when the deadline passes; a read started early
/// by `prefetch` runs in a child process instead, which is killed at the deadline.
public final class KeyringStore: SecretStore {
    public let deadline: Duration
    /// How long a cancelled call may take to wind down and report.
    private static let grace: Duration = .milliseconds(250)
    /// Set once nsx has cancelled a call at its deadline. GLib shares one
    /// bus connection per process, and a connection attempt cancelled then
    /// makes later calls fail as "cancelled" too: after that, "cancelled"
    /// means "timed out", not "unlock prompt dismissed".
    private static let cancelledACall = Atomic<Bool>(false)

    public init(deadline: Duration = .seconds(5)) {
        self.deadline = deadline
    }

    /// Opens libsecret (with GLib and GIO) now rather than on the first call, so a thread
    /// started early can do it while the main thread gets on; it talks to no daemon. A
    /// library that cannot be loaded is reported by the first call, as without this.
    public static func preload() {
        _ = nsx_secret_preload()
    }

    /// Starts reading `key` now, in a child process (`PrefetchedRead`), so that a later
    /// `read(key)` finds the answer ready instead of starting the conversation then. False
    /// when that cannot be done here; `read` then asks the Secret Service itself, as usual.
    public static func prefetch(_ key: SecretKey) -> Bool {
        SessionBus.unavailableReason() == nil && PrefetchedRead.start(key)
    }

    /// Ends what `prefetch` started: a read nobody took is stopped, and a child that answered
    /// is waited for. For just before the process exits.
    public static func settlePrefetch() {
        PrefetchedRead.settle()
    }

    public func read(_ key: SecretKey) throws(SecretStoreError) -> String? {
        if let prefetched = PrefetchedRead.take(key) {
            switch prefetched.finish(limit: deadline) {
            case .answered(let outcome):
                // The child never cancels: a cancelled call there is a dismissed unlock prompt.
                return try outcome.checked(interrupted: false).secret
            case .timedOut:
                throw .timedOut
            case .failed(let failure):
                throw failure.storeError(interrupted: false)
            }
        }
        let profile = ShimString(key.profile), apiURL = ShimString(key.apiURL)
        let outcome = try call { cancellable in
            let sink = SecretSink()
            var error = NSXSecretError()
            let found = nsx_secret_lookup(profile.pointer, apiURL.pointer, SecretSink.receive, sink.context,
                                          cancellable.pointer, &error)
            return ShimOutcome(status: found, error: error, secret: withExtendedLifetime(sink) { sink.secret })
                .checkingForLockedItem(profile, apiURL, cancellable)
        }
        return outcome.secret
    }

    public func write(_ secret: String, for key: SecretKey, label: String) throws(SecretStoreError) {
        let profile = ShimString(key.profile), apiURL = ShimString(key.apiURL)
        let label = ShimString(label), secret = ShimString(secret, wipesOnRelease: true)
        try call { cancellable in
            var error = NSXSecretError()
            let stored = nsx_secret_store(profile.pointer, apiURL.pointer, label.pointer, secret.pointer,
                                          cancellable.pointer, &error)
            return ShimOutcome(status: stored, error: error)
        }
    }

    public func delete(_ key: SecretKey) throws(SecretStoreError) -> Bool {
        let profile = ShimString(key.profile), apiURL = ShimString(key.apiURL)
        let outcome = try call { cancellable in
            var error = NSXSecretError()
            let removed = nsx_secret_clear(profile.pointer, apiURL.pointer, cancellable.pointer, &error)
            return ShimOutcome(status: removed, error: error)
                .checkingForLockedItem(profile, apiURL, cancellable)
        }
        return outcome.status == 1
    }

    /// Runs one shim call under the deadline and turns its error into a
    /// SecretStoreError.
    @discardableResult
    private func call(_ body: @escaping @Sendable (ShimCancellable) -> ShimOutcome) throws(SecretStoreError) -> ShimOutcome {
        if let reason = SessionBus.unavailableReason() {
            throw .noSecretService(reason)
        }
        let cancellable = ShimCancellable()
        let outcome = DeadlineThread.run(limit: deadline, grace: Self.grace, interrupt: {
            Self.cancelledACall.store(true, ordering: .sequentiallyConsistent)
            cancellable.cancel()
        }, { body(cancellable) })
        switch outcome {
        case .finished(let result):
            return try result.checked(interrupted: Self.cancelledACall.load(ordering: .sequentiallyConsistent))
        case .timedOut:
            throw .timedOut
        case .couldNotStart(let code):
            throw .failed("cannot start a thread for the keyring call (errno \(code))")
        }
    }
}

/// What one shim call returned, copied into Swift on the keyring thread (or from the
/// child process of a prefetched read).
struct ShimOutcome: Sendable {
    var status: Int32
    var failure: SecretServiceFailure?
    var secret: String?
    var foundLockedItem = false

    init(status: Int32, error: NSXSecretError, secret: String? = nil) {
        self.status = status
        self.failure = error.failed != 0 ? SecretServiceFailure(error) : nil
        self.secret = secret
    }

    /// The outcome, or the error it stands for; `interrupted` says whether nsx cancelled a call.
    func checked(interrupted: Bool) throws(SecretStoreError) -> ShimOutcome {
        if let failure { throw failure.storeError(interrupted: interrupted) }
        if foundLockedItem { throw .locked }
        return self
    }

    /// libsecret reports an item it could not unlock (prompt failed or
    /// dismissed) as absent; "not found" must not hide "locked".
    func checkingForLockedItem(_ profile: ShimString, _ apiURL: ShimString,
                               _ cancellable: ShimCancellable) -> ShimOutcome {
        guard status == 0, failure == nil else { return self }
        var error = NSXSecretError()
        let locked = nsx_secret_count_locked(profile.pointer, apiURL.pointer, cancellable.pointer, &error)
        var checked = self
        if locked < 0 {
            checked.failure = SecretServiceFailure(error)
        } else {
            checked.foundLockedItem = locked > 0
        }
        return checked
    }
}

/// Receives the looked-up secret from the C callback: pass `receive` with `context`, and keep
/// the sink alive across the call.
final class SecretSink {
    var secret: String?

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let receive: NSXSecretReceiver = { bytes, length, context in
        let sink = Unmanaged<SecretSink>.fromOpaque(context!).takeUnretainedValue()
        sink.secret = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}
