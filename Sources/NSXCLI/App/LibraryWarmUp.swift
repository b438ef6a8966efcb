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
    /// How much lower than the command the thread that opens libcurl beside a lookup child
    /// runs (a nice increment; on Linux it applies to that thread alone).
    static let besideLookupNice: Int32 = 5

    /// True when the read runs in a child process, so the main thread is free to connect
    /// while it runs (`Factory.credentialReadsAhead`).
    static func start(reading key: SecretKey) -> Bool {
        if KeyringStore.prefetch(key) {
            // The lookup is the request's longest step, and the request needs libcurl only
            // once the answer is in. On a thread of lower priority, libcurl opens while the
            // lookup child waits on the bus and the keyring daemon, rather than taking CPU
            // time from it (and from them, where they share nsx's scheduling group): see
            // docs/BENCHMARKS.md for the figures. The main thread goes on to the command,
            // and waits for this thread when it first calls libcurl (to connect ahead).
            detach { _ in
                _ = nice(LibraryWarmUp.besideLookupNice)
                CurlGlobal.preload()
                return nil
            }
            return true
        }
        detach { _ in
            KeyringStore.preload()
            CurlGlobal.preload()
            return nil
        }
        return false
    }

    private static func detach(_ body: @escaping @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?) {
        var thread = pthread_t()
        if pthread_create(&thread, nil, body, nil) == 0 { pthread_detach(thread) }
    }

    /// Before nsx exits: no lookup child outlives it (`KeyringStore.settlePrefetch`).
    static func settle() {
        KeyringStore.settlePrefetch()
    }
}
