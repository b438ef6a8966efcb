/// `nsx tokens show ID|NAME`: one token, by ID or by the name of an active token.
enum ShowToken {
    static func run(_ invocation: Invocation) throws(CLIError) {
        guard let word = invocation.parsed.argument(ResourceGet.argument) else {
            throw .usage("which token? Give its ID (tok_…) or name")
        }
        let context = try ResourceContext(invocation, view: .token)
        let token = try context.get(try context.id(word))
        try context.show(invocation.globals.output == .table ? TokenTable.detail(token) : token)
    }
}
