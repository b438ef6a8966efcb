import NSXCommandLine
import NSXJSON

/// `nsx instances update ID|NAME --name N`
enum InstancesUpdate: Verb {
    static let target = ResourceGet.target(.instance)

    static let spec = NSXCommand("update", summary: "Rename an instance", options: [.rename], arguments: [target],
                                 permissions: ["instances:write", "instances:read"], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> ResourcePatch {
        guard let name = parsed[.rename] else { throw .usage("nothing to update", hint: "Pass --name NEW-NAME.") }
        return ResourcePatch(word: parsed[target], patch: JSONObject([("name", .string(name))]))
    }

    static func run(_ words: ResourcePatch, _ resources: ResourceAccess) throws(CLIError) {
        try resources.connect(.instance).update(words.word, patch: words.patch)
    }
}
