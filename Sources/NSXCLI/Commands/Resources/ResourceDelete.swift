import NSXCommandLine
import NSXJSON
import NSXOutput

/// `<noun> delete ID|NAME…`: asks first (or needs `--yes`), before any request, then deletes
/// each in turn with one result each (`Batch`) — the same verb for every resource.
enum ResourceDelete {
    /// `Server IDs or names` (also what the instance actions take), completed with the live
    /// IDs and names.
    static func targets(_ kind: ResourceKind) -> WordsArgument {
        WordsArgument.words("ID|NAME", help: "\(kind.capitalized) IDs or names").completing(.resources(kind))
    }

    static func command(_ view: ResourceView, summary: String? = nil, examples: [Example] = []) -> NSXCommand {
        NSXCommand("delete", aliases: ["rm"], summary: summary ?? "Delete \(view.kind.plural)",
                   arguments: [targets(view.kind)],
                   examples: examples,
                   permissions: [view.kind.permission("write"), view.kind.permission("read")],
                   action: .resource(view, words: { $0[targets(view.kind)] }, run: run))
    }

    static func run(_ view: ResourceView, _ words: [String], _ resources: ResourceAccess) throws(CLIError) {
        try resources.printer.validateFields(resultFields)
        try resources.confirmation.require(question(verb: "Delete", kind: view.kind, words: words),
                                           action: "nsx \(view.kind.plural) delete")
        let context = try resources.connect(view, fields: resultFields)
        try Batch(printer: resources.printer, pastTense: "Deleted \(view.kind.singular)", columns: resultColumns,
                  fields: resultFields).run(words) { word throws(CLIError) in
            let id = try context.id(word)
            let response = try context.client.delete(view.kind.itemPath(id))
            // A retried DELETE answered 404 after an attempt that was lost in transit: done.
            if response.data.isNull {
                return .object(JSONObject([("id", .string(id)), ("deleted", .bool(true))]))
            }
            return response.data
        }
    }

    /// `{"id", "deleted": true}`, as the API answers a delete.
    static let resultFields = ["id", "deleted", "error"]
    static let resultColumns = [Column("id", header: "ID", style: .id), Column("deleted", header: "DELETED"),
                                Column("error", header: "ERROR", style: .map)]

    /// "Delete server web-1?" / "Delete 3 servers (a, b, c)?" — in the words the user typed.
    static func question(verb: String, kind: ResourceKind, words: [String]) -> String {
        let names = words.map { terminalSafe($0) }
        if names.count == 1 { return "\(verb) \(kind.singular) \(names[0])?" }
        return "\(verb) \(names.count) \(kind.plural) (\(names.joined(separator: ", ")))?"
    }
}
