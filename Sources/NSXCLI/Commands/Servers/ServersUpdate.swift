import NSXCommandLine
import NSXJSON

/// `nsx servers update ID|NAME [--name N] [--label k=v…] [--remove-label k…]`, sent as a
/// JSON merge patch: `{"name": …, "labels": {"k": "v", "gone": null}}`.
enum ServersUpdate {
    static let target: WordArgument = .word("ID|NAME", help: "Server ID or name")

    struct Options {
        var word: String
        var name: String?
        var labels: LabelEdits

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            word = parsed[ServersUpdate.target]
            name = parsed[.rename]
            labels = try LabelEdits(labels: parsed[.setLabel], removing: parsed[.removeLabel])
            if name == nil && labels.isEmpty {
                throw .usage("nothing to update", hint: "Pass --name, --label key=value or --remove-label key.")
            }
        }

        var patch: JSONObject {
            var patch = JSONObject()
            if let name { patch["name"] = .string(name) }
            if !labels.isEmpty { patch["labels"] = labels.patch }
            return patch
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try Options(invocation)
        try ResourceContext(invocation, view: .server).update(options.word, patch: options.patch)
    }
}

extension OptionKey where Self == ListOption {
    static var setLabel: Self { .list("label", .string, valueName: "key=value", help: "Set a label") }
    static var removeLabel: Self { .list("remove-label", .string, valueName: "key", help: "Remove a label") }
}
