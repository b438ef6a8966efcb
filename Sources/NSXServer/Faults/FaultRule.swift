import NSXJSON

/// One queued fault: what to do to the next `remaining` requests that match it.
struct FaultRule: Sendable, Equatable {
    enum Drop: String, Sendable { case before, after }
    enum BodyFault: String, Sendable { case malformed, truncated }

    var remaining: Int
    var status: Int?
    var retryAfter: Int?
    var delayMilliseconds: Int?
    var drop: Drop?
    var body: BodyFault?
    var method: String?
    var pathPrefix: String?

    func matches(method: String, path: String) -> Bool {
        (self.method.map { $0 == method } ?? true) && (pathPrefix.map { path.hasPrefix($0) } ?? true)
    }

    /// Reads a `POST /__faults` body, listing every bad field.
    static func parse(_ body: JSONObject?) throws(APIError) -> FaultRule {
        var fields = FieldReader(body ?? JSONObject())
        fields.allowOnly(["count", "status", "retry_after", "delay_ms", "drop", "body", "method", "path_prefix"])
        func integer(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            guard let value = fields.object[key] else { return nil }
            guard let number = value.intValue, range.contains(number) else {
                fields.fail(key, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return number
        }
        var rule = FaultRule(remaining: integer("count", 1...10_000) ?? 1)
        rule.status = integer("status", 100...599)
        rule.retryAfter = integer("retry_after", 0...86_400)
        rule.delayMilliseconds = integer("delay_ms", 0...60_000)
        rule.drop = fields.string("drop", .oneOf(["before", "after"])).flatMap(Drop.init(rawValue:))
        rule.body = fields.string("body", .oneOf(["malformed", "truncated"])).flatMap(BodyFault.init(rawValue:))
        rule.method = fields.string("method", .length(1...20))?.uppercased()
        rule.pathPrefix = fields.string("path_prefix", .length(1...1000))
        try fields.finish()
        return rule
    }

    var json: JSONValue {
        var object: JSONObject = ["remaining": .int(remaining)]
        if let status { object["status"] = .int(status) }
        if let retryAfter { object["retry_after"] = .int(retryAfter) }
        if let delayMilliseconds { object["delay_ms"] = .int(delayMilliseconds) }
        if let drop { object["drop"] = .string(drop.rawValue) }
        if let body { object["body"] = .string(body.rawValue) }
        if let method { object["method"] = .string(method) }
        if let pathPrefix { object["path_prefix"] = .string(pathPrefix) }
        return .object(object)
    }
}

extension FaultRule {
    init(remaining: Int) {
        self.init(remaining: remaining, status: nil, retryAfter: nil, delayMilliseconds: nil, drop: nil, body: nil, method: nil, pathPrefix: nil)
    }
}
