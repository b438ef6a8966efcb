import NSXJSON

public struct Instance: Sendable, Equatable {
    public static let statuses = ["stopped", "starting", "running", "stopping", "restarting", "restoring"]

    public var id: String
    public var scope: Scope
    public var name: String
    public var serverID: String
    public var image: String
    public var status: String
    public var createdAt: Int
    public var updatedAt: Int
    public var nextStatus: String?
    public var dueAt: Double?

    /// Whether the instance is between two resting states.
    var isInTransition: Bool { status != "running" && status != "stopped" }

    var json: JSONValue {
        .object([
            "id": .string(id),
            "name": .string(name),
            "server_id": .string(serverID),
            "image": .string(image),
            "status": .string(status),
            "created_at": .time(createdAt),
            "updated_at": .time(updatedAt),
        ])
    }
}
