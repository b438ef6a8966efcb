#if canImport(Glibc)
import Glibc
#endif

/// The hosts plain http may reach, because traffic to them never leaves the machine: the
/// literal addresses 127.0.0.0/8 and ::1, and the name `localhost` — which the transport never
/// looks up but pins to 127.0.0.1 and ::1 (`pinned(host:port:)`). Nothing else: `localhost.`
/// or `web.localhost` would go to the resolver, and a bearer token to whatever it answered.
public enum Loopback {
    /// `host` as a URL has it (`[::1]`) or bare (`::1`); IPv4 literals as libcurl normalises them.
    public static func contains(host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" { return true }
        let bare = lowered.hasPrefix("[") && lowered.hasSuffix("]") ? String(lowered.dropFirst().dropLast()) : lowered
        var address6 = in6_addr()
        if inet_pton(AF_INET6, bare, &address6) == 1 {
            return withUnsafeBytes(of: &address6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        var address4 = in_addr()
        guard inet_pton(AF_INET, bare, &address4) == 1 else { return false }
        return UInt32(bigEndian: address4.s_addr) >> 24 == 127
    }

    /// For `localhost`, the `CURLOPT_RESOLVE` entry that fixes its addresses, so that neither
    /// /etc/hosts nor DNS is asked; nil for a literal address, which needs no lookup.
    static func pinned(host: String, port: Int) -> String? {
        host.lowercased() == "localhost" ? "\(host):\(port):127.0.0.1,[::1]" : nil
    }
}
