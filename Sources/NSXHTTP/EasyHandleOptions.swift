import CCurlShim
import NSXTime

/// Typed access to one easy handle through the shim's per-type wrappers. A failed
/// `setopt` becomes a `TransportError` carrying libcurl's message.
struct EasyHandleOptions {
    let handle: UnsafeMutableRawPointer

    func set(_ option: CURLoption, long value: Int) throws(TransportError) {
        try check(nsx_curl_easy_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, int64 value: Int64) throws(TransportError) {
        try check(nsx_curl_easy_setopt_int64(handle, option, curl_off_t(value)), option)
    }

    /// libcurl copies string options, so the temporary C string may go once this returns.
    func set(_ option: CURLoption, string value: String) throws(TransportError) {
        try check(value.withCString { nsx_curl_easy_setopt_pointer(handle, option, $0) }, option)
    }

    /// The pointee must outlive its use by libcurl; the caller owns it.
    func set(_ option: CURLoption, pointer value: UnsafeRawPointer?) throws(TransportError) {
        try check(nsx_curl_easy_setopt_pointer(handle, option, value), option)
    }

    func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) throws(TransportError) {
        try check(nsx_curl_easy_setopt_slist(handle, option, list), option)
    }

    func set(_ option: CURLoption, callback: nsx_curl_data_callback) throws(TransportError) {
        try check(nsx_curl_easy_setopt_data_callback(handle, option, callback), option)
    }

    func set(_ option: CURLoption, callback: nsx_curl_xferinfo_callback) throws(TransportError) {
        try check(nsx_curl_easy_setopt_xferinfo_callback(handle, option, callback), option)
    }

    func set(_ option: CURLoption, callback: nsx_curl_prereq_callback) throws(TransportError) {
        try check(nsx_curl_easy_setopt_prereq_callback(handle, option, callback), option)
    }

    func long(_ info: CURLINFO) -> Int? {
        var value = 0
        return nsx_curl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : nil
    }

    func string(_ info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard nsx_curl_easy_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code == CURLE_OK else {
            throw TransportError(curlCode: code, detail: "libcurl refused option \(option.rawValue)")
        }
    }
}

extension Duration {
    /// Whole milliseconds, at least 1: libcurl reads 0 as "no limit".
    var curlMilliseconds: Int { max(1, wholeMilliseconds) }
}
