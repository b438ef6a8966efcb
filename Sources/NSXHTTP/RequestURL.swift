import CCurlShim
#if canImport(Glibc)
import Glibc
#endif

/// A request URL as libcurl parsed it. The policy check and the transfer use this same
/// parse (handed over with `CURLOPT_CURLU`), so they can never disagree about the host.
struct RequestURL: ~Copyable {
    let handle: OpaquePointer
    let scheme: String
    let host: String
    /// The `CURLOPT_RESOLVE` entry pinning `localhost` to loopback addresses, when it is the host.
    let pinnedResolve: String?

    /// Parses `url` and applies the transport's policy: https anywhere, http only to loopback.
    init(_ url: String) throws(TransportError) {
        guard let handle = nsx_curl_url() else {
            throw .other(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "out of memory")
        }
        let scheme: String, host: String
        do {
            (scheme, host) = try Self.parse(url, into: handle)
        } catch {
            nsx_curl_url_cleanup(handle)
            throw error
        }
        self.handle = handle
        self.scheme = scheme
        self.host = host
        pinnedResolve = Int(Self.part(CURLUPART_PORT, of: handle, flags: CURLU_DEFAULT_PORT)).flatMap { Loopback.pinned(host: host, port: $0) }
    }

    private static func parse(_ url: String, into handle: OpaquePointer) throws(TransportError) -> (String, String) {
        let parsed = nsx_curl_url_set(handle, CURLUPART_URL, url, 0)
        guard parsed == CURLUE_OK else {
            if parsed == CURLUE_UNSUPPORTED_SCHEME || parsed == CURLUE_BAD_SCHEME { throw .schemeRefused(url: url) }
            throw .other(code: Int(CURLE_URL_MALFORMAT.rawValue),
                         message: "invalid URL \(url): \(String(cString: nsx_curl_url_strerror(parsed)))")
        }
        let scheme = part(CURLUPART_SCHEME, of: handle).lowercased()
        let host = part(CURLUPART_HOST, of: handle)
        guard scheme == "https" || (scheme == "http" && Loopback.contains(host: host)) else {
            throw .schemeRefused(url: url)
        }
        return (scheme, host)
    }

    deinit { nsx_curl_url_cleanup(handle) }

    private static func part(_ part: CURLUPart, of handle: OpaquePointer, flags: Int32 = 0) -> String {
        var value: UnsafeMutablePointer<CChar>?
        guard nsx_curl_url_get(handle, part, &value, UInt32(flags)) == CURLUE_OK, let value else { return "" }
        defer { nsx_curl_free(value) }
        return String(cString: value)
    }
}
