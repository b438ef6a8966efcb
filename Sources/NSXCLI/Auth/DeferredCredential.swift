import Synchronization

/// A credential still being read when its client is built: the keyring lookup runs ahead in
/// a child process (`LibraryWarmUp`), and the client's first request connects meanwhile,
/// asking for the credential only once connected (`HTTPRequest.credentialHeaders`). The
/// read happens once; every later ask gets the same credential, or the same error.
final class DeferredCredential: @unchecked Sendable {
    // @unchecked: `read` captures the run's Factory, which is not Sendable. It is only ever
    // called on the thread running the command: directly, or from libcurl's pre-request
    // callback, which libcurl calls on the thread inside curl_easy_perform.
    private let read: () throws(CLIError) -> Credential
    private let outcome = Mutex<Result<Credential, CLIError>?>(nil)

    init(_ read: @escaping () throws(CLIError) -> Credential) {
        self.read = read
    }

    /// Whether the credential has been read (or failed to be).
    var isSettled: Bool { outcome.withLock { $0 != nil } }

    /// The credential, read now if it has not been yet (under the lock: one read, whoever asks).
    func value() throws(CLIError) -> Credential {
        try outcome.withLock { settled in
            if let settled { return settled }
            let result = Result { () throws(CLIError) in try read() }
            settled = result
            return result
        }.get()
    }
}
