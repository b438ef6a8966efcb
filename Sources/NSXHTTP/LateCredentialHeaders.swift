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
    private let produce: @Sendable () throws -> [(String, String)]
    private let handle: UnsafeMutableRawPointer
    private let earlyLines: [String]
    private var list: UnsafeMutablePointer<curl_slist>?
    /// Why the callback ended the transfer unsent, if it did.
    enum Stop { case withdrawn, headersRefused }
    private(set) var stopped: Stop?

    init(_ request: HTTPRequest, produce: @escaping @Sendable () throws -> [(String, String)],
         handle: UnsafeMutableRawPointer, earlyLines: [String]) {
        self.request = request
        self.produce = produce
        self.handle = handle
        self.earlyLines = earlyLines
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

    private func complete() -> Bool {
        let produced: [(String, String)]
        do {
            produced = try produce()
        } catch {
            stopped = .withdrawn
            return false
        }
        let lines = request.missingHeaders(produced).map {
            HeaderField.requestLine(name: HeaderField.name($0.0), value: HeaderField.value($0.1))
        }
        nsx_curl_slist_free_all(list)
        list = nil
        for line in earlyLines + lines {
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
