import NSXJSON

/// An error answered by the API in its envelope: `{"success": false, "error": {...}}`.
public struct APIError: Error, Sendable {
    public struct FieldProblem: Sendable, Equatable {
        public var field: String
        public var message: String
    }

    public var status: Int
    public var code: String
    public var message: String
    public var details: [FieldProblem]
    public var requestID: String?
    public var retryAfterSeconds: Int?
    /// The error object exactly as the server sent it, for `-o json` on stderr.
    public var body: JSONValue?

    public init(status: Int, code: String, message: String, details: [FieldProblem] = [],
                requestID: String? = nil, retryAfterSeconds: Int? = nil, body: JSONValue? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.requestID = requestID
        self.retryAfterSeconds = retryAfterSeconds
        self.body = body
    }

    /// The permission named in a 403 `Token does not have permission: servers:write`.
    public var missingPermission: String? {
        let marker = "permission: "
        guard code == "FORBIDDEN", let range = message.firstRange(of: marker) else { return nil }
        let rest = message[range.upperBound...]
        return rest.split(separator: " ").first.map(String.init)
    }
}
