import CCurlShim

/// Everything libcurl's callbacks write into during one transfer. The callbacks are
/// plain C function pointers, so they find this box through their `userdata` pointer.
final class TransferContext {
    let maxBodyBytes: Int
    let isCancelled: @Sendable () -> Bool
    private(set) var body: [UInt8] = []
    private(set) var headers: [(String, String)] = []
    private(set) var exceededLimit = false

    init(maxBodyBytes: Int, isCancelled: @escaping @Sendable () -> Bool) {
        self.maxBodyBytes = maxBodyBytes
        self.isCancelled = isCancelled
    }

    /// Valid while the caller keeps `self` alive, which `CurlTransport` does around the transfer.
    var userdata: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    private static func from(_ userdata: UnsafeMutableRawPointer?) -> TransferContext? {
        userdata.map { Unmanaged<TransferContext>.fromOpaque($0).takeUnretainedValue() }
    }

    // MARK: callbacks (non-capturing, so they convert to C function pointers)

    /// CURLOPT_WRITEFUNCTION: returning less than offered makes libcurl stop with CURLE_WRITE_ERROR.
    static let receiveBody: nsx_curl_data_callback = { data, size, count, userdata in
        guard let context = from(userdata) else { return 0 }
        let length = size * count
        guard context.body.count + length <= context.maxBodyBytes else {
            context.exceededLimit = true
            return 0
        }
        if let data, length > 0 {
            context.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        }
        return length
    }

    /// CURLOPT_HEADERFUNCTION: called once per header line, status lines included.
    static let receiveHeaderLine: nsx_curl_data_callback = { data, size, count, userdata in
        guard let context = from(userdata) else { return 0 }
        let length = size * count
        guard let data, length > 0 else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new response starts: an interim 1xx or a proxy's CONNECT answer came before.
            context.headers.removeAll()
        } else if line.first == " " || line.first == "\t", let (name, value) = context.headers.popLast() {
            // An obsolete folded continuation of the previous header.
            context.headers.append((name, "\(value) \(HeaderField.stripped(line).trimmingBlanks())"))
        } else if let field = HeaderField.parse(line: line) {
            context.headers.append(field)
        }
        return length
    }

    /// CURLOPT_XFERINFOFUNCTION: runs about once a second even while idle; non-zero aborts.
    static let checkCancellation: nsx_curl_xferinfo_callback = { userdata, _, _, _, _ in
        guard let context = from(userdata) else { return 0 }
        return context.isCancelled() ? 1 : 0
    }
}
