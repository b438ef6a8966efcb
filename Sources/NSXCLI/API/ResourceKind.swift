/// What the commands need to know about one kind of API resource. Shared shapes
/// (list, get, delete, name lookup) take one of these instead of being written per noun.
public struct ResourceKind: Sendable {
    public var singular: String
    public var plural: String
    /// Collection path under the base URL, e.g. `/api/v1/servers`.
    public var path: String
    public var idPrefix: String
    /// Whether the list route takes a `name` filter (docs/openapi.yaml: servers, instances, tokens).
    public var filtersByName: Bool = true
    /// The resource part of the permissions that guard it: `servers` in `servers:read`
    /// (tokens are account settings: `settings:read`).
    public var permissionScope: String

    public static let server = ResourceKind(singular: "server", plural: "servers", path: "/api/v1/servers", idPrefix: "srv_",
                                            permissionScope: "servers")
    public static let instance = ResourceKind(singular: "instance", plural: "instances", path: "/api/v1/instances", idPrefix: "ins_",
                                              permissionScope: "instances")
    public static let backup = ResourceKind(singular: "backup", plural: "backups", path: "/api/v1/backups", idPrefix: "bak_",
                                            filtersByName: false, permissionScope: "backups")
    public static let token = ResourceKind(singular: "token", plural: "tokens", path: "/api/v1/tokens", idPrefix: "tok_",
                                           permissionScope: "settings")

    public func itemPath(_ id: String) -> String { "\(path)/\(percentEncode(id))" }

    /// `servers:read`, `instances:actions`.
    public func permission(_ action: String) -> String { "\(permissionScope):\(action)" }

    /// `Server`, for the start of a sentence. Resource names are ASCII: the first byte is
    /// raised on its own, where `uppercased()` and appending a `Substring` walked graphemes
    /// for every help text the command tree builds at start-up (docs/BENCHMARKS.md).
    public var capitalized: String {
        var bytes = Array(singular.utf8)
        if let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) { bytes[0] = first - 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `a server`, `an instance`.
    public var withArticle: String { ("aeiou".contains(singular.first ?? "x") ? "an " : "a ") + singular }
}
