import NSXCommandLine

/// `<noun> get ID|NAME`: one object, by ID or unique name — the same verb for every
/// resource the noun lists it for.
enum ResourceGet {
    /// `Server ID (srv_…) or name`, completed with the live IDs and names. Every verb that
    /// takes one resource by ID or name takes this.
    static func target(_ kind: ResourceKind) -> WordArgument {
        WordArgument.word("ID|NAME", help: "\(kind.capitalized) ID (\(kind.idPrefix)…) or name").completing(.resources(kind))
    }

    static func command(_ view: ResourceView) -> NSXCommand {
        NSXCommand("get", aliases: ["show"], summary: "Show \(view.kind.withArticle)",
                   arguments: [target(view.kind)],
                   permissions: [view.kind.permission("read")],
                   action: .resource(view, words: { $0[target(view.kind)] }, run: run))
    }

    static func run(_ view: ResourceView, _ word: String, _ resources: ResourceAccess) throws(CLIError) {
        let context = try resources.connect(view, reading: .onceConnected)
        try context.show(try context.get(try context.id(word)))
    }
}
