import NSXCommandLine
import NSXJSON

extension ResourceContext {
    /// POSTs a new resource and prints it; with `--wait`, polls it to one of `until` first.
    func create(_ body: JSONObject, wait: WaitRequest?, until: Set<String>) throws(CLIError) {
        let created = try client.post(view.kind.path, body: .object(body)).resource()
        var result = created
        if let wait, let id = created["id"]?.stringValue {
            result = try self.wait(id, until: until, label: created["name"]?.stringValue ?? id, request: wait)
        }
        noteDone("Created", result)
        try show(result)
    }

    /// PATCHes (a JSON merge patch) the resource a word names and prints the result.
    func update(_ word: String, patch: JSONObject) throws(CLIError) {
        let id = try self.id(word)
        let updated = try client.patch(view.kind.itemPath(id), body: .object(patch)).resource()
        noteDone("Updated", updated)
        try show(updated)
    }
}

extension ParsedCommand where Action == CommandRunner {
    /// The value of an option marked required: the parser saw it given, so only an empty
    /// value is left to refuse.
    func required(_ key: ValueOption) throws(CLIError) -> String {
        guard let value = self[key], !value.isEmpty else {
            throw .usage("--\(key.option.long) needs a value", hint: "Run `nsx \(path.joined(separator: " ")) --help` for every option.")
        }
        return value
    }
}
