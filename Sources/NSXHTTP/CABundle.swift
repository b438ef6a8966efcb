/// A PEM file of extra CAs to trust (`--cacert`, `NSX_CA_BUNDLE`): usable when it can be read
/// and holds a certificate. The CLI checks it up front, to name the file in a usage error;
/// `CurlTransport` reads it the same way.
public enum CABundle {
    /// Why `path` cannot be used as a CA bundle, or nil when it can.
    public static func problem(_ path: String) -> String? {
        if case .failure(let message) = read(path) { return message.text }
        return nil
    }

    /// The file's bytes, or why not.
    static func read(_ path: String) -> Result<[UInt8], Message> {
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(let error): return .failure(Message(text: error.message))
        }
        guard bytes.contains(subsequence: Array("-----BEGIN CERTIFICATE-----".utf8)) else {
            return .failure(Message(text: "no PEM certificate in \(path)"))
        }
        return .success(bytes)
    }

    struct Message: Error {
        var text: String
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { self[$0..<($0 + subsequence.count)].elementsEqual(subsequence) }
    }
}
