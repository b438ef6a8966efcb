import NSXOutput

/// How one kind of resource is shown: the table's default columns and every key of its
/// API object (docs/openapi.yaml), which is what `--fields` may name and what a `get`
/// shows. Each noun's verbs take one of these instead of repeating the shape.
struct ResourceView: Sendable {
    let kind: ResourceKind
    /// Every key of the API object, in the API's order, with how each is presented.
    let detailColumns: [Column]
    /// The list table's default columns.
    let columns: [Column]

    /// - Parameter table: keys of `keys` shown by default in a list, in this order.
    init(kind: ResourceKind, keys: [Column], table: [String]) {
        self.kind = kind
        detailColumns = keys
        columns = table.map { key in
            guard let column = keys.first(where: { $0.key == key }) else {
                preconditionFailure("default column \(key) is not a key of \(kind.plural)")
            }
            return column
        }
    }

    /// What `--fields` accepts (and paths below these, like `labels.env`).
    var fields: [String] { detailColumns.map(\.key) }

    static let server = ResourceView(
        kind: .server,
        keys: [
            Column("id", header: "ID", style: .id),
            Column("name", header: "NAME"),
            Column("region", header: "REGION"),
            Column("plan", header: "PLAN"),
            Column("status", header: "STATUS", style: .status),
            Column("ipv4", header: "IPV4"),
            Column("labels", header: "LABELS", style: .map),
            Column("created_at", header: "AGE", style: .time),
            Column("updated_at", header: "UPDATED", style: .time),
        ],
        table: ["id", "name", "status", "region", "plan", "ipv4", "created_at"])

    static let instance = ResourceView(
        kind: .instance,
        keys: [
            Column("id", header: "ID", style: .id),
            Column("name", header: "NAME"),
            Column("server_id", header: "SERVER", style: .id),
            Column("image", header: "IMAGE"),
            Column("status", header: "STATUS", style: .status),
            Column("created_at", header: "AGE", style: .time),
            Column("updated_at", header: "UPDATED", style: .time),
        ],
        table: ["id", "name", "server_id", "image", "status", "created_at"])

    static let backup = ResourceView(
        kind: .backup,
        keys: [
            Column("id", header: "ID", style: .id),
            Column("instance_id", header: "INSTANCE", style: .id),
            Column("name", header: "NAME"),
            Column("status", header: "STATUS", style: .status),
            Column("size_bytes", header: "SIZE", style: .bytes),
            Column("created_at", header: "CREATED", style: .time),
            Column("completed_at", header: "COMPLETED", style: .time),
        ],
        table: ["id", "name", "instance_id", "status", "size_bytes", "created_at"])
}
