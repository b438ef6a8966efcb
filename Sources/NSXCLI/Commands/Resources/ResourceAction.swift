import NSXCommandLine
import NSXJSON
import NSXOutput

/// `instances start|stop|restart ID…`: POST the action for each in turn (`Batch`), and with
/// `--wait` poll each until its end state. Without `--wait` each result is the 202 object.
struct ResourceAction {
    let view: ResourceView
    /// The path word after the item: `start`.
    let action: String
    /// `Started`, for `✓ Started instance web-1 (ins_…): running`.
    let pastTense: String
    /// Where `--wait` stops: `running` for start and restart, `stopped` for stop.
    let endStatuses: Set<String>

    func run(_ invocation: Invocation) throws(CLIError) {
        let words = invocation.parsed[ResourceDelete(view: view).targets]
        let wait = try WaitRequest.parse(invocation.parsed)
        let fields = view.fields + ["error"]
        let context = try ResourceContext(invocation, view: view, fields: fields)
        try Batch(invocation: invocation, pastTense: "\(pastTense) \(view.kind.singular)",
                  columns: view.columns + [Column("error", header: "ERROR", style: .map)],
                  fields: fields).run(words) { word throws(CLIError) in
            let id = try context.id(word)
            let accepted = try context.client.post("\(view.kind.itemPath(id))/\(action)").resource()
            guard let wait else { return accepted }
            return try context.wait(id, until: endStatuses, label: accepted["name"]?.stringValue ?? word, request: wait)
        }
    }
}
