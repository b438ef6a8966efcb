import NSXJSON

/// `nsx instances update ID|NAME --name N`
enum InstancesUpdate {
    struct Options {
        var word: String
        var name: String

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            guard let word = parsed.argument(ResourceGet.argument) else { throw .usage("which instance? Give its ID or name") }
            self.word = word
            guard let name = parsed.value("name") else { throw .usage("nothing to update", hint: "Pass --name NEW-NAME.") }
            self.name = name
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try Options(invocation)
        try ResourceContext(invocation, view: .instance).update(options.word, patch: JSONObject([("name", .string(options.name))]))
    }
}
