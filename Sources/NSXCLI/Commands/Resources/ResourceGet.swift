/// `<noun> get ID|NAME`: one object, by ID or unique name.
struct ResourceGet {
    static let argument = "ID|NAME"

    let view: ResourceView

    func run(_ invocation: Invocation) throws(CLIError) {
        guard let word = invocation.parsed.argument(Self.argument) else { throw .usage("which \(view.kind.singular)? Give its ID or name") }
        let context = try ResourceContext(invocation, view: view)
        try context.show(try context.get(try context.id(word)))
    }
}
