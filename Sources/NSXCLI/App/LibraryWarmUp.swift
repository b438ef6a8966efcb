#if canImport(Glibc)
import Glibc
#endif
import NSXHTTP
import NSXKeyring

/// For a command that calls the API with a credential from the keyring: opens libsecret and
/// then libcurl on a thread of its own, so that libcurl (thirty-odd libraries and OpenSSL's
/// set-up, most of a `servers get`) loads while the keyring lookup waits on its D-Bus
/// conversation, instead of after it (docs/BENCHMARKS.md has the figures).
///
/// libsecret comes first because the lookup needs it at once and the loader opens one
/// library at a time. Whoever needs a library before the thread is done with it waits for
/// it (both are opened once, behind pthread_once and a Swift `static let`), so nothing is
/// opened twice and nothing changes but the timing; a library that cannot be opened is
/// reported where it is used, as before. With NSX_TOKEN there is nothing to overlap: the
/// main thread would only wait for this one, and on a busy machine each hand-over between
/// threads costs a trip through the scheduler, so that path opens libcurl itself.
enum LibraryWarmUp {
    /// Starts the thread and returns at once; a thread that cannot be started changes nothing.
    static func start() {
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { _ in
            KeyringStore.preload()
            CurlGlobal.preload()
            return nil
        }, nil)
        if started == 0 { pthread_detach(thread) }
    }
}
