import NSXCommandLine
import NSXJSON

/// `nsx servers update ID|NAME [--name N] [--label k=v…] [--remove-label k…]`, sent as a
/// JSON merge patch: `{"name": …, "labels": {"k": "v", "gone": null}}`.
enum ServersUpdate: Verb {
    static let target = ResourceGet.target(.server)

    static let spec = NSXCommand(
        "update", summary: "Rename a server or change its labels", options: [.rename, .setLabel, .removeLabel],
        arguments: [target], examples: [Example("nsx servers update web-1 --label env=staging --remove-label owner")],
        permissions: ["servers:write", "servers:read"], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> ResourcePatch {
        var patch = JSONObject()
        if let name = parsed[.rename] { patch["name"] = .string(name) }
        let labels = try LabelEdits(labels: parsed[.setLabel], removing: parsed[.removeLabel])
        if !labels.isEmpty { patch["labels"] = labels.patch }
        guard !patch.isEmpty else { throw .usage("nothing to update", hint: "Pass --name, --label key=value or --remove-label key.") }
        return ResourcePatch(word: parsed[target], patch: patch)
    }

    static func run(_ words: ResourcePatch, _ resources: ResourceAccess) throws(CLIError) {
        try resources.connect(.server).update(words.word, patch: words.patch)
    }
}

extension OptionKey where Self == ListOption {
    static var setLabel: Self { .list("label", .string, valueName: "key=value", help: "Set a label") }
    static var removeLabel: Self { .list("remove-label", .string, valueName: "key", help: "Remove a label") }
}
