import CCurlShim
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// HTTP through one libcurl easy handle, reused for every request of the process so that
/// connections (and TLS sessions) are kept alive across requests and pages.
///
/// Policy, applied to every request: https anywhere and http only to loopback (checked
/// before anything is sent); redirects never followed; TLS always verified; connect,
/// per-attempt and low-speed limits; a response-size cap; no proxy for loopback.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: the handle and the error buffer are touched only under `lock`.
    private let settings: TransportSettings
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// The system CAs plus `caBundlePath`, or nil to leave libcurl's defaults alone.
    private let trustedCertificates: [UInt8]?
    private let noProxy: String
    private let lock = Mutex(())

    public init(settings: TransportSettings = TransportSettings()) throws(TransportError) {
        try CurlGlobal.ensureInitialised()
        guard let handle = nsx_curl_easy_init() else {
            throw .other(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed")
        }
        do {
            trustedCertificates = try settings.caBundlePath.map { path throws(TransportError) in
                try Self.certificates(adding: path, to: settings.systemCABundlePath ?? Self.libcurlDefaultCABundle(handle))
            }
        } catch {
            nsx_curl_easy_cleanup(handle)
            throw error
        }
        self.settings = settings
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        noProxy = NoProxyList.fromEnvironment { name in getenv(name).map { String(cString: $0) } }
    }

    deinit {
        nsx_curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let url = try RequestURL(request.url)
        let wire = try WireRequest(request, userAgent: settings.userAgent)
        settings.trace?.request(wire.traced)
        do {
            let response = try lock.withLock { _ throws(TransportError) in try perform(wire, url: url, request: request) }
            settings.trace?.response(response, to: wire.traced)
            return response
        } catch {
            settings.trace?.failure(error, for: wire.traced)
            throw error
        }
    }

    // MARK: one transfer

    private func perform(_ wire: WireRequest, url: borrowing RequestURL, request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        guard !settings.isCancelled() else { throw .interrupted }
        // Reset clears every option but keeps the connection cache, so keep-alive survives.
        nsx_curl_easy_reset(handle)
        errorBuffer[0] = 0
        let context = TransferContext(maxBodyBytes: settings.maxResponseBytes, isCancelled: settings.isCancelled)
        let options = EasyHandleOptions(handle: handle)
        let headerList = wire.headerLines.reduce(nil as UnsafeMutablePointer<curl_slist>?) { nsx_curl_slist_append($0, $1) }
        defer { nsx_curl_slist_free_all(headerList) }
        // `localhost` is never looked up (Loopback): its addresses are given, not resolved.
        let pinned = url.pinnedResolve.flatMap { nsx_curl_slist_append(nil, $0) }
        defer { nsx_curl_slist_free_all(pinned) }

        try options.set(CURLOPT_ERRORBUFFER, pointer: errorBuffer)
        try applyPolicy(options, timeLimit: request.timeLimit)
        try options.set(CURLOPT_CURLU, pointer: UnsafeRawPointer(url.handle))
        if let pinned { try options.set(CURLOPT_RESOLVE, list: pinned) }
        try options.set(CURLOPT_HTTPHEADER, list: headerList)
        try applyMethodAndBody(wire, options)
        try options.set(CURLOPT_WRITEFUNCTION, callback: TransferContext.receiveBody)
        try options.set(CURLOPT_WRITEDATA, pointer: context.userdata)
        try options.set(CURLOPT_HEADERFUNCTION, callback: TransferContext.receiveHeaderLine)
        try options.set(CURLOPT_HEADERDATA, pointer: context.userdata)
        try options.set(CURLOPT_XFERINFOFUNCTION, callback: TransferContext.checkCancellation)
        try options.set(CURLOPT_XFERINFODATA, pointer: context.userdata)
        try options.set(CURLOPT_NOPROGRESS, long: 0)
        // Connect first; ask for the credential headers only once connected, just before sending.
        let late = request.credentialHeaders.map { _ in
            LateCredentialHeaders(request, userAgent: settings.userAgent, handle: handle)
        }
        if let late {
            try options.set(CURLOPT_PREREQFUNCTION, callback: LateCredentialHeaders.complete)
            try options.set(CURLOPT_PREREQDATA, pointer: late.userdata)
        }

        let started = ContinuousClock.now
        let code = withExtendedLifetime((context, late)) { nsx_curl_easy_perform(handle) }
        let elapsed = ContinuousClock.now - started
        switch late?.stopped {
        case .withdrawn?: throw .withdrawn
        case .headersRefused?: throw .other(code: Int(CURLE_ABORTED_BY_CALLBACK.rawValue), message: "libcurl refused the request's headers")
        case nil: break
        }
        try check(code, context)

        let status = options.long(CURLINFO_RESPONSE_CODE) ?? 0
        let response = HTTPResponse(status: status, headers: context.headers, body: context.body, elapsed: elapsed)
        if (300..<400).contains(status) {
            throw .redirectRefused(location: response.header("Location") ?? "")
        }
        return response
    }

    /// The options every request gets, whatever it is.
    private func applyPolicy(_ options: EasyHandleOptions, timeLimit: Duration?) throws(TransportError) {
        try options.set(CURLOPT_NOSIGNAL, long: 1)  // the CLI owns signals; we use timeouts, not SIGALRM
        try options.set(CURLOPT_PROTOCOLS_STR, string: "https,http")
        try options.set(CURLOPT_REDIR_PROTOCOLS_STR, string: "https")
        try options.set(CURLOPT_FOLLOWLOCATION, long: 0)
        try options.set(CURLOPT_SSL_VERIFYPEER, long: 1)
        try options.set(CURLOPT_SSL_VERIFYHOST, long: 2)
        if let trustedCertificates {
            // CURL_BLOB_COPY: libcurl keeps its own copy, so the buffer need only live for this call.
            try trustedCertificates.withUnsafeBytes { bytes in
                var blob = curl_blob(data: UnsafeMutableRawPointer(mutating: bytes.baseAddress), len: bytes.count,
                                     flags: UInt32(CURL_BLOB_COPY))
                return Result { () throws(TransportError) in try options.set(CURLOPT_CAINFO_BLOB, pointer: &blob) }
            }.get()
        }
        try options.set(CURLOPT_CONNECTTIMEOUT_MS, long: settings.connectTimeout.curlMilliseconds)
        try options.set(CURLOPT_TIMEOUT_MS, long: min(settings.timeout, timeLimit ?? settings.timeout).curlMilliseconds)
        try options.set(CURLOPT_LOW_SPEED_LIMIT, long: 1)
        try options.set(CURLOPT_LOW_SPEED_TIME, long: max(1, settings.lowSpeedTime.curlMilliseconds / 1000))
        try options.set(CURLOPT_MAXFILESIZE_LARGE, int64: Int64(settings.maxResponseBytes))
        try options.set(CURLOPT_NOPROXY, string: noProxy)
        try options.set(CURLOPT_USERAGENT, string: settings.userAgent)
        try options.set(CURLOPT_ACCEPT_ENCODING, string: "")  // every encoding libcurl can decode
        try options.set(CURLOPT_TCP_KEEPALIVE, long: 1)
    }

    private func applyMethodAndBody(_ wire: WireRequest, _ options: EasyHandleOptions) throws(TransportError) {
        if wire.method == "HEAD" {
            try options.set(CURLOPT_NOBODY, long: 1)
        } else if let body = wire.body {
            // POSTFIELDS with a custom method sends the body under that method (PATCH, PUT, DELETE).
            try options.set(CURLOPT_POSTFIELDSIZE_LARGE, int64: Int64(body.count))
            // COPYPOSTFIELDS copies the size set above; an empty body still needs a non-null pointer.
            try (body.isEmpty ? [0] : body).withUnsafeBytes { bytes in
                Result { () throws(TransportError) in try options.set(CURLOPT_COPYPOSTFIELDS, pointer: bytes.baseAddress) }
            }.get()
        }
        if wire.method != "GET", wire.method != "HEAD", wire.method != "POST" || wire.body == nil {
            try options.set(CURLOPT_CUSTOMREQUEST, string: wire.method)
        }
    }

    private func check(_ code: CURLcode, _ context: TransferContext) throws(TransportError) {
        switch code {
        case CURLE_OK:
            return
        case CURLE_WRITE_ERROR where context.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            throw .responseTooLarge(limit: settings.maxResponseBytes)
        default:
            throw TransportError(curlCode: code, detail: String(cString: errorBuffer))
        }
    }

    /// The CA bundle libcurl was built to trust (Debian: /etc/ssl/certs/ca-certificates.crt).
    static func libcurlDefaultCABundle(_ handle: UnsafeMutableRawPointer) -> String? {
        EasyHandleOptions(handle: handle).string(CURLINFO_CAINFO)
    }

    /// The system bundle with the user's CAs appended, handed to libcurl as one blob:
    /// `CURLOPT_CAINFO` alone would replace the system CAs, not add to them.
    private static func certificates(adding path: String, to systemBundle: String?) throws(TransportError) -> [UInt8] {
        let extra: [UInt8]
        switch CABundle.read(path) {
        case .success(let bytes): extra = bytes
        case .failure(let message): throw .tls("CA bundle: \(message.text)")
        }
        // Without a readable system bundle the user's CAs are all there is to trust.
        let system = systemBundle.flatMap { try? FileBytes.read($0).get() } ?? []
        return system + Array("\n".utf8) + extra
    }
}
