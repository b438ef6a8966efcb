/// The queued fault rules, oldest first. Each matching request takes one use of the first
/// rule that matches it.
public final class FaultQueue: Sendable {
    private let rules = Locked([FaultRule]())

    public init() {}

    func enqueue(_ rule: FaultRule) {
        rules.withLock { $0.append(rule) }
    }

    func take(method: String, path: String) -> FaultRule? {
        rules.withLock { rules in
            guard let index = rules.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
            let rule = rules[index]
            if rule.remaining <= 1 { rules.remove(at: index) } else { rules[index].remaining -= 1 }
            return rule
        }
    }

    var queued: [FaultRule] { rules.withLock { $0 } }

    @discardableResult
    func clear() -> Int {
        rules.withLock { rules in
            defer { rules.removeAll() }
            return rules.count
        }
    }
}
