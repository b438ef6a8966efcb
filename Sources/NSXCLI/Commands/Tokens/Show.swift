/// `nsx tokens show ID|NAME`: one token, by ID or by the name of an active token.
enum ShowToken {
    static func run(_ invocation: Invocation) throws(CLIError) {
        let word = invocation.parsed[ResourceGet(view: .token).target]
        let context = try ResourceContext(invocation, view: .token)
        let token = try context.get(try context.id(word))
        try context.show(invocation.globals.output == .table ? TokenTable.detail(token) : token)
    }
}
