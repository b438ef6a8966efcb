/// The `CURLOPT_NOPROXY` value: the user's `NO_PROXY` plus loopback, so traffic to this
/// machine never goes through a proxy. (Setting the option makes libcurl ignore the
/// environment variable, hence the merge.)
enum NoProxyList {
    static let loopback = ["localhost", "127.0.0.0/8", "::1"]

    static func merged(withUserValue userValue: String?) -> String {
        let userEntries = (userValue ?? "")
            .split(separator: ",")
            .map { $0.trimmingBlanks() }
            .filter { !$0.isEmpty }
        // libcurl reads a lone "*" as "no proxy for anything"; inside a list it is not special.
        if userEntries == ["*"] { return "*" }
        var entries = userEntries
        for host in loopback where !entries.contains(host) { entries.append(host) }
        return entries.joined(separator: ",")
    }

    /// `no_proxy` wins over `NO_PROXY`, as libcurl reads them.
    static func fromEnvironment(_ lookup: (String) -> String?) -> String {
        merged(withUserValue: lookup("no_proxy") ?? lookup("NO_PROXY"))
    }
}
