import NSXOutput

/// How one kind of resource is shown: the table's default columns, which of them give way
/// first on a narrow terminal, and every key of its API object (docs/openapi.yaml), which is
/// what `--fields` may name and what a `get` shows. Each noun's verbs take one of these
/// instead of repeating the shape.
struct ResourceView: Sendable {
    let kind: ResourceKind
    /// Every key of the API object, in the API's order, with how each is presented.
    let detailColumns: [Column]
    /// The list table's default columns.
    let columns: [Column]

    /// - Parameters:
    ///   - table: keys of `keys` shown by default in a list, in this order.
    ///   - givesWay: keys of `table` that a narrow terminal drops, the first listed first;
    ///     the others always stay (and names are cut with … only after these are gone).
    init(kind: ResourceKind, keys: [Column], table: [String], givesWay: [String]) {
        self.kind = kind
        detailColumns = keys
        columns = table.map { key in
            guard var column = keys.first(where: { $0.key == key }) else {
                preconditionFailure("default column \(key) is not a key of \(kind.plural)")
            }
            column.priority = givesWay.firstIndex(of: key)
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
            Column("ipv4", header: "IPV4", style: .address),
            Column("labels", header: "LABELS", style: .map),
            .created(),
            Column("updated_at", header: "UPDATED", style: .time),
        ],
        table: ["id", "name", "status", "region", "plan", "ipv4", "created_at"],
        givesWay: ["created_at", "plan", "region", "ipv4"])

    static let instance = ResourceView(
        kind: .instance,
        keys: [
            Column("id", header: "ID", style: .id),
            Column("name", header: "NAME"),
            Column("server_id", header: "SERVER", style: .id),
            Column("image", header: "IMAGE"),
            Column("status", header: "STATUS", style: .status),
            .created(),
            Column("updated_at", header: "UPDATED", style: .time),
        ],
        table: ["id", "name", "server_id", "image", "status", "created_at"],
        givesWay: ["created_at", "image", "server_id"])

    static let backup = ResourceView(
        kind: .backup,
        keys: [
            Column("id", header: "ID", style: .id),
            Column("instance_id", header: "INSTANCE", style: .id),
            Column("name", header: "NAME"),
            Column("status", header: "STATUS", style: .status),
            Column("size_bytes", header: "SIZE", style: .bytes),
            .created(),
            Column("completed_at", header: "COMPLETED", style: .time),
        ],
        table: ["id", "name", "instance_id", "status", "size_bytes", "created_at"],
        givesWay: ["created_at", "size_bytes", "instance_id"])
}
