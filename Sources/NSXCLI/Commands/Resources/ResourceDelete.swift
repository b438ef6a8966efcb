import NSXCommandLine
import NSXJSON
import NSXOutput

/// `<noun> delete ID|NAME…`: asks first (or needs `--yes`), before any request, then deletes
/// each in turn with one result each (`Batch`).
struct ResourceDelete {
    let view: ResourceView

    /// `Server IDs or names`.
    var targets: WordsArgument { .words("ID|NAME", help: "\(view.kind.Singular) IDs or names") }

    func run(_ invocation: Invocation) throws(CLIError) {
        let words = invocation.parsed[targets]
        try invocation.printer.validateFields(Self.resultFields)
        try Confirmation.require(Self.question(verb: "Delete", view: view, words: words),
                                 action: "nsx \(view.kind.plural) delete", invocation: invocation)
        let context = try ResourceContext(invocation, view: view, fields: Self.resultFields)
        try Batch(invocation: invocation, pastTense: "Deleted \(view.kind.singular)", columns: Self.resultColumns,
                  fields: Self.resultFields).run(words) { word throws(CLIError) in
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
    static func question(verb: String, view: ResourceView, words: [String]) -> String {
        let names = words.map { terminalSafe($0) }
        if names.count == 1 { return "\(verb) \(view.kind.singular) \(names[0])?" }
        return "\(verb) \(names.count) \(view.kind.plural) (\(names.joined(separator: ", ")))?"
    }
}
