import CSecretShim

/// A GCancellable owned from Swift; cancelling is safe from any thread. nil when
/// libsecret could not be loaded: the shim's calls then report why instead.
final class ShimCancellable: @unchecked Sendable {
    let pointer: OpaquePointer?

    init() {
        pointer = nsx_secret_cancellable_new()
    }

    func cancel() {
        nsx_secret_cancellable_cancel(pointer)
    }

    deinit {
        nsx_secret_cancellable_free(pointer)
    }
}
