import NSXCommandLine
import NSXJSON
import NSXOutput

/// `instances start|stop|restart ID…`: POST the action for each in turn (`Batch`), and with
/// `--wait` poll each until its end state. Without `--wait` each result is the 202 object.
/// One verb for every action a resource has.
struct ResourceAction: Sendable {
    let view: ResourceView
    /// The path word after the item, and the command's name: `start`.
    let action: String
    /// `Started`, for `✓ Started instance web-1 (ins_…): running`.
    let pastTense: String
    /// Where `--wait` stops: `running` for start and restart, `stopped` for stop.
    let endStatuses: Set<String>

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
        try Batch(printer: context.printer, pastTense: "\(pastTense) \(view.kind.singular)",
                  columns: view.columns + [Column("error", header: "ERROR", style: .map)],
                  fields: fields).run(words.ids) { word throws(CLIError) in
            let id = try context.id(word)
            let accepted = try context.client.post("\(view.kind.itemPath(id))/\(action)").resource()
            guard let wait = words.wait else { return accepted }
            return try context.wait(id, until: endStatuses, label: accepted["name"]?.stringValue ?? word, request: wait)
        }
    }
}
