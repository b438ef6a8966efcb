import NSXCommandLine
import NSXJSON

/// `nsx instances update ID|NAME --name N`
enum InstancesUpdate {
    static let target: WordArgument = .word("ID|NAME", help: "Instance ID or name")

    struct Options {
        var word: String
        var name: String

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            word = parsed[InstancesUpdate.target]
            guard let name = parsed[.rename] else { throw .usage("nothing to update", hint: "Pass --name NEW-NAME.") }
            self.name = name
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try Options(invocation)
        try ResourceContext(invocation, view: .instance).update(options.word, patch: JSONObject([("name", .string(options.name))]))
    }
}
