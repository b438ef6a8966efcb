import NSXJSON

public struct Server: Sendable, Equatable {
    public static let regions = ["us-east", "us-west", "eu-central", "ap-southeast"]
    public static let plans = ["basic-1", "standard-2", "performance-4", "performance-8"]
    public static let statuses = ["provisioning", "active", "maintenance"]

    public var id: String
    public var scope: Scope
    public var name: String
    public var region: String
    public var plan: String
    public var status: String
    public var ipv4: String
    public var labels: [String: String]
    public var createdAt: Int
    public var updatedAt: Int
    /// The status a running transition ends in, and when.
    public var nextStatus: String?
    public var dueAt: Double?

    var json: JSONValue {
        .object([
            "id": .string(id),
            "name": .string(name),
            "region": .string(region),
            "plan": .string(plan),
            "status": .string(status),
            "ipv4": .string(ipv4),
            "labels": Labels.json(labels),
            "created_at": .time(createdAt),
            "updated_at": .time(updatedAt),
        ])
    }
}
