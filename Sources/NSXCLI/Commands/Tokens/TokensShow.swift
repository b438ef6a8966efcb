import NSXCommandLine

/// `nsx tokens show ID|NAME`: one token, by ID or by the name of an active token.
enum TokensShow: Verb {
    static let target = ResourceGet.target(.token)

    static let spec = NSXCommand(
        "show", aliases: ["get"], summary: "Show one API token",
        discussion: "A name matches active (not revoked) tokens; an ID finds any.",
        arguments: [target], permissions: ["settings:read"], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> String { parsed[target] }

    static func run(_ word: String, _ resources: ResourceAccess) throws(CLIError) {
        let context = try resources.connect(.token)
        let token = try context.get(try context.id(word))
        try context.show(context.printer.isForPeople ? TokenTable.detail(token) : token)
    }
}
