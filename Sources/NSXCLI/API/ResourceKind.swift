/// What the commands need to know about one kind of API resource. Shared shapes
/// (list, get, delete, name lookup) take one of these instead of being written per noun.
public struct ResourceKind: Sendable {
    public var singular: String
    public var plural: String
    /// Collection path under the base URL, e.g. `/api/v1/servers`.
    public var path: String
    public var idPrefix: String
    /// Whether the list route takes a `name` filter (API.md: servers, instances, tokens).
    public var filtersByName: Bool = true

    public static let server = ResourceKind(singular: "server", plural: "servers", path: "/api/v1/servers", idPrefix: "srv_")
    public static let instance = ResourceKind(singular: "instance", plural: "instances", path: "/api/v1/instances", idPrefix: "ins_")
    public static let backup = ResourceKind(singular: "backup", plural: "backups", path: "/api/v1/backups", idPrefix: "bak_", filtersByName: false)
    public static let token = ResourceKind(singular: "token", plural: "tokens", path: "/api/v1/tokens", idPrefix: "tok_")

    public func itemPath(_ id: String) -> String { "\(path)/\(percentEncode(id))" }

    /// `Server`, for the start of a sentence.
    public var Singular: String { singular.prefix(1).uppercased() + singular.dropFirst() }
}
