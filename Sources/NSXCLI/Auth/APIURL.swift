/// API base URLs as nsx stores and compares them: no trailing slash, so
/// `http://127.0.0.1:8080/` and `http://127.0.0.1:8080` name the same login.
enum APIURL {
    static func normalized(_ url: String) -> String {
        var url = url.trimmingWhitespace()
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// Why `url` cannot be an API base, or nil when it can: https anywhere, plain http only
    /// to a loopback host (the transport refuses anything else, so say it early).
    static func problem(with url: String) -> String? {
        let url = url.trimmingWhitespace()
        let scheme: String
        if url.hasPrefix("https://") {
            scheme = "https"
        } else if url.hasPrefix("http://") {
            scheme = "http"
        } else {
            return "it must start with https:// (or http:// for a loopback server)"
        }
        let rest = url.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let host = host(of: String(authority)), !host.isEmpty else { return "it has no host name" }
        if scheme == "http" && !isLoopback(host) {
            return "plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https"
        }
        return nil
    }

    /// The host of `user@host:port` / `[::1]:port`, lowercased.
    static func host(of authority: String) -> String? {
        var rest = Substring(authority)
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            return String(rest[rest.index(after: rest.startIndex)..<close]).lowercased()
        }
        return String(rest.prefix { $0 != ":" }).lowercased()
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in Int(octet).map { (0...255).contains($0) } ?? false }
    }
}
