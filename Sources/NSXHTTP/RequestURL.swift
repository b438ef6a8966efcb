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
        guard scheme == "https" || (scheme == "http" && isLoopback(host: host)) else {
            throw .schemeRefused(url: url)
        }
        return (scheme, host)
    }

    deinit { nsx_curl_url_cleanup(handle) }

    /// 127.0.0.0/8, ::1 and `localhost`: the only hosts plain http may reach, because
    /// traffic to them never leaves the machine. IPv4 literals arrive normalised by libcurl.
    static func isLoopback(host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "localhost." { return true }
        if lowered.hasPrefix("["), lowered.hasSuffix("]") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, String(lowered.dropFirst().dropLast()), &address) == 1 else { return false }
            return withUnsafeBytes(of: &address) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }

    private static func part(_ part: CURLUPart, of handle: OpaquePointer) -> String {
        var value: UnsafeMutablePointer<CChar>?
        guard nsx_curl_url_get(handle, part, &value, 0) == CURLUE_OK, let value else { return "" }
        defer { nsx_curl_free(value) }
        return String(cString: value)
    }
}
