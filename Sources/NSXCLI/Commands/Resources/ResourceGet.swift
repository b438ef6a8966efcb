import NSXCommandLine

/// `<noun> get ID|NAME`: one object, by ID or unique name.
struct ResourceGet {
    let view: ResourceView

    /// `Server ID (srv_…) or name`.
    var target: WordArgument { .word("ID|NAME", help: "\(view.kind.Singular) ID (\(view.kind.idPrefix)…) or name") }

    func run(_ invocation: Invocation) throws(CLIError) {
        let word = invocation.parsed[target]
        let context = try ResourceContext(invocation, view: view)
        try context.show(try context.get(try context.id(word)))
    }
}
