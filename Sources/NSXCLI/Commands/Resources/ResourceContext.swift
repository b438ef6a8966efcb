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

    func get(_ id: String, kind: ResourceKind? = nil) throws(CLIError) -> JSONValue {
        try client.get((kind ?? view.kind).itemPath(id)).resource()
    }

    /// Each word's resource, looked up before a question names them: an unknown name or ID
    /// is its error (exit 5) before anything is asked. Repeated words count once.
    func lookUp(_ words: [String], kind: ResourceKind? = nil) throws(CLIError) -> [(word: String, object: JSONValue)] {
        var found: [(word: String, object: JSONValue)] = []
        for word in words where !found.contains(where: { $0.word == word }) {
            found.append((word, try get(try id(word, kind: kind), kind: kind)))
        }
        return found
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

    /// What `--wait` polls for one resource (of this view's kind unless `kind` says otherwise).
    func waitTarget(_ id: String, until statuses: Set<String>, label: String, kind: ResourceKind? = nil) -> Waiter.Target {
        let kind = kind ?? view.kind
        // Reads in all three places it appears: "waiting for instance web-1: starting",
        // "gave up waiting for instance web-1 after …", "backup nightly ended failed".
        return Waiter.Target(id: id, path: kind.itemPath(id), description: "\(kind.singular) \(terminalSafe(label))",
                             done: statuses, check: printer.suggestions.nsx("\(kind.plural) get \(id)"))
    }

    /// Polls a resource until it reaches one of `statuses`. A timeout or `failed` is exit 9,
    /// after the object as last seen is printed: it is what the command leaves behind.
    func wait(_ id: String, until statuses: Set<String>, label: String, request: WaitRequest,
              kind: ResourceKind? = nil) throws(CLIError) -> JSONValue {
        do {
            return try waiter(request).wait(for: waitTarget(id, until: statuses, label: label, kind: kind))
        } catch {
            if let last = error.lastKnownObject { try show(last) }
            throw error
        }
    }

    func waiter(_ request: WaitRequest) -> Waiter {
        Waiter(client: client, streams: printer.streams, sleeper: sleeper, timeoutSeconds: request.timeoutSeconds)
    }
}
