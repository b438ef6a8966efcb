#if canImport(Glibc)
import Glibc
#endif
import NSXHTTP
import NSXKeyring

/// For a command that calls the API with a credential from the keyring: starts reading the
/// credential in a child process (`KeyringStore.prefetch`) and opens libcurl (thirty-odd
/// libraries and OpenSSL's set-up, most of a `servers get`) while the child talks to the
/// Secret Service, instead of after it (docs/BENCHMARKS.md has the figures). With the read
/// ahead, an API token's first request also connects meanwhile (`DeferredCredential`).
///
/// A process, not a thread: in one process the lookup and the loader contend for the
/// loader's lock and the address space, and the lookup barely overlaps. When the child
/// cannot be started (the shim forks only a process with one thread that has not touched
/// GLib), a thread opens libsecret and then libcurl instead, and the lookup happens on the
/// main thread as before. Either way nothing changes but the timing: the read reports the
/// same errors under the same deadline, and a library that cannot be opened is reported
/// where it is used. With NSX_TOKEN there is nothing to overlap, so that path opens
/// libcurl itself when it sends.
enum LibraryWarmUp {
    /// True when the read runs in a child process, so the main thread is free to connect
    /// while it runs (`Factory.credentialReadsAhead`).
    static func start(reading key: SecretKey) -> Bool {
        if KeyringStore.prefetch(key) {
            CurlGlobal.preload()  // here: the main thread would only wait for the child
            return true
        }
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { _ in
            KeyringStore.preload()
            CurlGlobal.preload()
            return nil
        }, nil)
        if started == 0 { pthread_detach(thread) }
        return false
    }

    /// Before nsx exits: no lookup child outlives it (`KeyringStore.settlePrefetch`).
    static func settle() {
        KeyringStore.settlePrefetch()
    }
}
