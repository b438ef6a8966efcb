import CCurlShim

/// `curl_global_init` must run once per process, before any handle exists, and is not
/// itself thread-safe. A global `let` initialiser runs exactly once, atomically.
/// libcurl itself is loaded here, on first use, so commands without a request never map it.
enum CurlGlobal {
    private static let initialisation: TransportError? = {
        if let reason = nsx_curl_load_error() {
            return .other(code: Int(CURLE_FAILED_INIT.rawValue), message: "cannot load libcurl: \(String(cString: reason))")
        }
        let code = nsx_curl_global_init(nsx_curl_global_all)
        return code == CURLE_OK ? nil : TransportError(curlCode: code, detail: "curl_global_init failed")
    }()

    static func ensureInitialised() throws(TransportError) {
        if let failure = initialisation { throw failure }
    }
}
