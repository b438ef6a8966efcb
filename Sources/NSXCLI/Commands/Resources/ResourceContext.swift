import NSXHTTP
import NSXJSON
import NSXOutput

/// What every resource verb works with once connected: the API client, name → ID lookups,
/// printing in the resource's shape, and `--wait`.
struct ResourceContext {
    let view: ResourceView
    let client: APIClient
    let printer: Printer
    let sleeper: Sleeper

    /// The ID of the resource a word names: an ID as it is, a name looked up (exit 5 when
    /// unknown, exit 2 when several match).
    func id(_ word: String, kind: ResourceKind? = nil) throws(CLIError) -> String {
        try NameResolver(client: client).resolve(word, kind: kind ?? view.kind)
    }

    func get(_ id: String) throws(CLIError) -> JSONValue {
        try client.get(view.kind.itemPath(id)).resource()
    }

    /// Prints one object (`get`, `create`, `update`, an action's final state).
    func show(_ value: JSONValue) throws(CLIError) {
        try printer.object(value, columns: view.detailColumns, fields: view.fields)
    }

    /// `✓ Created server web-1 (srv_…)` on stderr for people; stdout keeps the object.
    func noteDone(_ pastTense: String, _ value: JSONValue) {
        guard printer.isForPeople else { return }
        let id = value["id"]?.stringValue ?? ""
        let label = value["name"]?.stringValue.map { "\($0) (\(id))" } ?? id
        printer.noteDone("\(pastTense) \(view.kind.singular) \(label)")
    }

    /// Polls a resource (of this view's kind unless `kind` says otherwise) until it reaches
    /// one of `statuses`; a timeout or `failed` is exit 9.
    func wait(_ id: String, until statuses: Set<String>, label: String, request: WaitRequest,
              kind: ResourceKind? = nil) throws(CLIError) -> JSONValue {
        let kind = kind ?? view.kind
        // Reads in all three places it appears: "waiting for instance web-1: starting",
        // "gave up waiting for instance web-1 after …", "backup nightly ended failed".
        let goal = Waiter.Goal(done: statuses, description: "\(kind.singular) \(terminalSafe(label))")
        return try Waiter(client: client, streams: printer.streams, sleeper: sleeper, timeoutSeconds: request.timeoutSeconds)
            .wait(for: kind.itemPath(id), goal: goal)
    }
}
