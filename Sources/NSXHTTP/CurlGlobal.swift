import CCurlShim

/// `curl_global_init` must run once per process, before any handle exists, and is not
/// itself thread-safe. A global `let` initialiser runs exactly once, atomically.
enum CurlGlobal {
    private static let initialisation: TransportError? = {
        let code = curl_global_init(nsx_curl_global_all)
        return code == CURLE_OK ? nil : TransportError(curlCode: code, detail: "curl_global_init failed")
    }()

    static func ensureInitialised() throws(TransportError) {
        if let failure = initialisation { throw failure }
    }
}
