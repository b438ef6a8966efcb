import NSXJSON

public struct Backup: Sendable, Equatable {
    public static let statuses = ["pending", "completed", "failed", "restoring"]

    public var id: String
    public var scope: Scope
    public var instanceID: String
    public var name: String
    public var status: String
    public var sizeBytes: Int
    /// The size the backup reports once it completes.
    public var finalSizeBytes: Int
    public var createdAt: Int
    public var completedAt: Int?
    public var nextStatus: String?
    public var dueAt: Double?

    var json: JSONValue {
        .object([
            "id": .string(id),
            "instance_id": .string(instanceID),
            "name": .string(name),
            "status": .string(status),
            "size_bytes": .int(sizeBytes),
            "created_at": .time(createdAt),
            "completed_at": .optionalTime(completedAt),
        ])
    }
}
