import Hummingbird
import NSXJSON

/// What a handler produced: status and `data` (plus `meta` for lists), and what must happen
/// in memory once its transaction has committed.
struct Reply: Sendable {
    enum Effect: Sendable {
        case tokenRevoked(secretHash: String)
        case sessionEnded(id: String)
        case transitionScheduled(dueAt: Double)
    }

    var status: HTTPResponse.Status = .ok
    var data: JSONValue
    var meta: JSONValue?
    var effects: [Effect] = []

    init(_ status: HTTPResponse.Status = .ok, _ data: JSONValue, meta: JSONValue? = nil, effects: [Effect] = []) {
        self.status = status
        self.data = data
        self.meta = meta
        self.effects = effects
    }

    static func page<Item>(_ page: Page<Item>, limit: Int, render: (Item) -> JSONValue) -> Reply {
        Reply(.ok, .array(page.items.map(render)), meta: page.meta(limit: limit))
    }
}
