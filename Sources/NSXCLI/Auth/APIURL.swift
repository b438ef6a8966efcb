import NSXHTTP

/// API base URLs as nsx stores and compares them: no trailing slash, so
/// `http://127.0.0.1:8080/` and `http://127.0.0.1:8080` name the same login.
enum APIURL {
    /// What is wrong with a base URL, and how to write it instead.
    struct Problem: Equatable {
        var reason: String
        var hint: String
    }

    static func normalized(_ url: String) -> String {
        var url = url.trimmingWhitespace()
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// Why `url` cannot be an API base, or nil when it can: https anywhere, plain http only
    /// to a loopback host (the transport refuses anything else, so say it early), and the
    /// server's address alone — the routes' own `/api/v1` is not part of it.
    static func problem(with url: String) -> Problem? {
        let url = url.trimmingWhitespace()
        let scheme: String
        if url.hasPrefix("https://") {
            scheme = "https"
        } else if url.hasPrefix("http://") {
            scheme = "http"
        } else {
            return Problem(reason: "it must start with https:// (or http:// for a loopback server)",
                           hint: "Write the whole address, e.g. https://app.nurosentrix.com.")
        }
        let rest = url.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let host = host(of: String(authority)), !host.isEmpty else {
            return Problem(reason: "it has no host name", hint: "Write the whole address, e.g. https://app.nurosentrix.com.")
        }
        if scheme == "http" && !Loopback.contains(host: host) {
            return Problem(reason: "plain http is only allowed to loopback addresses (127.0.0.0/8, ::1, localhost); use https",
                           hint: "Use https://\(authority), or http://127.0.0.1:PORT for a server on this machine.")
        }
        let path = rest.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if let routes = parts.indices.first(where: { $0 + 1 < parts.count && parts[$0] == "api" && parts[$0 + 1] == "v1" }) {
            let base = scheme + "://" + authority + parts[..<routes].joined(separator: "/")
            return Problem(reason: "it names the API's routes (/api/v1), not the server",
                           hint: "Give the server's address only, without /api/v1: \(base)")
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
}
