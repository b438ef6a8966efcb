import NSXCommandLine
import NSXJSON
import NSXOutput

/// `instances start|stop|restart ID…`: POST the action for each in turn (`Batch`); without
/// `--wait` each result is the 202 object. With `--wait` every one is started first, then all
/// are waited for together, one progress line each; one already in the state asked for (start
/// on a running instance) is done at once. One verb for every action a resource has.
struct ResourceAction: Sendable {
    let view: ResourceView
    /// The path word after the item, and the command's name: `start`.
    let action: String
    /// `Started`, for `✓ Started instance web-1 (ins_…): running`.
    let pastTense: String
    /// Where `--wait` stops: `running` for start and restart, `stopped` for stop.
    let endStatuses: Set<String>
    /// Whether an item already in an end status has nothing left to do (start, stop), unlike
    /// restart, which is asked to go through a restart.
    let holdsWhenAlreadyThere: Bool

    func command(summary: String) -> NSXCommand {
        NSXCommand(action, summary: summary,
                   options: [.wait, .waitTimeout],
                   arguments: [ResourceDelete.targets(view.kind)],
                   examples: [Example("nsx \(view.kind.plural) \(action) web-1 --wait")],
                   permissions: [view.kind.permission("actions"), view.kind.permission("read")],
                   action: .resource(view, words: { parsed throws(CLIError) in
                       (parsed[ResourceDelete.targets(view.kind)], try WaitRequest.parse(parsed))
                   }, run: run))
    }

    func run(_ view: ResourceView, _ words: (ids: [String], wait: WaitRequest?), _ resources: ResourceAccess) throws(CLIError) {
        let fields = view.fields + ["error"]
        let context = try resources.connect(view, fields: fields)
        let batch = Batch(printer: context.printer, pastTense: "\(pastTense) \(view.kind.singular)",
                          columns: view.columns + [Column("error", header: "ERROR", style: .map)], fields: fields)
        guard let wait = words.wait else {
            return try batch.run(words.ids) { word throws(CLIError) in
                try context.client.post("\(view.kind.itemPath(try context.id(word)))/\(action)").resource()
            }
        }
        var results = words.ids.map { word in Result { () throws(CLIError) in try start(word, context) } }
        let waiting = results.indices.filter { index in
            if case .success(let started) = results[index] { started.saying == nil } else { false }
        }
        let targets = waiting.map { index in
            let object = (try? results[index].get())?.object ?? .null
            return context.waitTarget(object["id"]?.stringValue ?? words.ids[index], until: endStatuses,
                                      label: object["name"]?.stringValue ?? words.ids[index])
        }
        let ended = try context.waiter(wait).wait(for: targets)
        for (index, outcome) in zip(waiting, ended) {
            results[index] = outcome.map { Batch.Done(object: $0) }
        }
        try batch.report(words.ids, results)
    }

    /// Asks for the action; a 409 on one already in the state asked for is that state, done.
    private func start(_ word: String, _ context: ResourceContext) throws(CLIError) -> Batch.Done {
        let id = try context.id(word)
        do {
            return Batch.Done(object: try context.client.post("\(view.kind.itemPath(id))/\(action)").resource())
        } catch {
            guard holdsWhenAlreadyThere, case .api(let api) = error, api.status == 409,
                  let current = try? context.get(id), let status = current["status"]?.stringValue, endStatuses.contains(status)
            else { throw error }
            let label = current["name"]?.stringValue.map { "\($0) (\(id))" } ?? id
            return Batch.Done(object: current, saying: "\(view.kind.capitalized) \(label) is already \(status)")
        }
    }
}
