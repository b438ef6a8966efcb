import NSXJSON
import NSXTime
import NSXTokenScan

/// Whose tokens the hits of `tokens scan` probably are: the caller's tokens (revoked ones
/// too) with the same public prefix and environment. Only the prefix, which the API shows
/// anyway, is compared; the secret found in a file never leaves the machine. Two tokens can
/// share a prefix (4 characters), so a hit may name more than one.
struct ScanOwners {
    struct Owner: Equatable {
        var id: String
        var name: String
        /// `active`, `revoked` or `expired`.
        var status: String
    }

    private var byPrefix: [String: [Owner]] = [:]

    /// Lists every token of the caller, all pages, revoked ones included.
    static func fetch(_ client: APIClient, now: Timestamp) throws(CLIError) -> ScanOwners {
        var owners = ScanOwners()
        try client.forEachPage(ResourceKind.token.path, query: [("include_revoked", "true")], extent: .all) { (page: [JSONValue]) throws(CLIError) in
            for token in page {
                guard let id = token["id"]?.stringValue, let prefix = token["prefix"]?.stringValue else { continue }
                let environment = token["environment"]?.stringValue ?? (prefix.hasPrefix(TokenFormat.testPrefix) ? "test" : "live")
                var status = "active"
                if let revoked = token["revoked_at"], !revoked.isNull {
                    status = "revoked"
                } else if let expiry = token["expires_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)), expiry <= now {
                    status = "expired"
                }
                owners.byPrefix[key(prefix, environment), default: []].append(Owner(id: id, name: token["name"]?.stringValue ?? "", status: status))
            }
        }
        return owners
    }

    func owners(of hit: TokenHit) -> [Owner] {
        byPrefix[Self.key(hit.prefix, hit.environment.rawValue)] ?? []
    }

    /// After `--revoke`: the token is revoked now.
    mutating func markRevoked(_ id: String) {
        for (key, owners) in byPrefix {
            byPrefix[key] = owners.map { owner in
                var owner = owner
                if owner.id == id { owner.status = "revoked" }
                return owner
            }
        }
    }

    private static func key(_ prefix: String, _ environment: String) -> String { environment + " " + prefix }
}
