import CCurlShim

/// A request's credential headers (`HTTPRequest.credentialHeaders`), asked for from
/// libcurl's pre-request callback (CURLOPT_PREREQFUNCTION, libcurl 7.80 and later): after
/// the connection (and any TLS handshake) is up, before a byte of the request is written.
/// The callback hands libcurl the full header list then, and libcurl builds the request from
/// it right after: the callback runs in the transfer's DO state, just before the protocol
/// writes the request, and libcurl's setopt.c names curl_easy_setopt among the few calls a
/// callback may make. The end-to-end test `theAPIIsConnectedToWhileTheKeyringAnswers…`
/// and `LateCredentialHeadersTests` check the header arrives with the request.
final class LateCredentialHeaders {
    private let request: HTTPRequest
    private let userAgent: String
    private let handle: UnsafeMutableRawPointer
    private var list: UnsafeMutablePointer<curl_slist>?
    /// Why the callback ended the transfer unsent, if it did.
    enum Stop { case withdrawn, headersRefused }
    private(set) var stopped: Stop?

    /// For `request`, which has credential headers to ask for.
    init(_ request: HTTPRequest, userAgent: String, handle: UnsafeMutableRawPointer) {
        self.request = request
        self.userAgent = userAgent
        self.handle = handle
    }

    deinit {
        nsx_curl_slist_free_all(list)
    }

    /// Valid while the caller keeps `self` alive, which `CurlTransport` does around the transfer.
    var userdata: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// CURLOPT_PREREQFUNCTION: anything but CURL_PREREQFUNC_OK ends the transfer unsent.
    static let complete: nsx_curl_prereq_callback = { userdata, _, _, _, _ in
        guard let userdata else { return CURL_PREREQFUNC_ABORT }
        let late = Unmanaged<LateCredentialHeaders>.fromOpaque(userdata).takeUnretainedValue()
        return late.complete() ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT
    }

    /// The request completed as fakes complete it (`withCredentialHeaders`), and its header
    /// lines made as for any request (`WireRequest`).
    private func complete() -> Bool {
        let lines: [String]
        do {
            lines = try WireRequest(try request.withCredentialHeaders(), userAgent: userAgent).headerLines
        } catch {
            stopped = error == .withdrawn ? .withdrawn : .headersRefused
            return false
        }
        nsx_curl_slist_free_all(list)
        list = nil
        for line in lines {
            guard let longer = nsx_curl_slist_append(list, line) else {
                stopped = .headersRefused  // out of memory: never send the request without them
                return false
            }
            list = longer
        }
        guard nsx_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list) == CURLE_OK else {
            stopped = .headersRefused
            return false
        }
        return true
    }
}
