import CSecretShim

/// A GCancellable owned from Swift; cancelling is safe from any thread.
final class ShimCancellable: @unchecked Sendable {
    let pointer: OpaquePointer

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
