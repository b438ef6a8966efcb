import NSXJSON

/// `nsx servers update ID|NAME [--name N] [--label k=v…] [--remove-label k…]`, sent as a
/// JSON merge patch: `{"name": …, "labels": {"k": "v", "gone": null}}`.
enum ServersUpdate {
    struct Options {
        var word: String
        var name: String?
        var labels: LabelEdits

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            guard let word = parsed.argument(ResourceGet.argument) else { throw .usage("which server? Give its ID or name") }
            self.word = word
            name = parsed.value("name")
            labels = try LabelEdits(labels: parsed.values("label"), removing: parsed.values("remove-label"))
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
