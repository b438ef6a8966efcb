import NSXCommandLine
import NSXJSON
import NSXOutput

/// `nsx tokens revoke ID|NAME…`: asks first on a terminal (showing each token's name and
/// prefix); without one, `--yes` is required and checked before any request. Each token
/// is revoked in turn with one result each; the credential nsx itself is using goes last,
/// and is then dropped from the keyring and from the profile that held it.
enum TokensRevoke: Verb {
    static let targets = ResourceDelete.targets(.token)

    static let spec = NSXCommand(
        "revoke", aliases: ["delete"], summary: "Revoke API tokens at once",
        discussion: """
            Asks first on a terminal, showing each token's name and prefix; without a
            terminal --yes is required. Revoking the credential nsx itself uses removes
            it from the keyring and its profile.
            """,
        arguments: [targets],
        examples: [Example("nsx tokens revoke ci --yes")],
        permissions: ["settings:read", "settings:write"], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> [String] { parsed[targets] }

    static func dependencies(_ invocation: Invocation) -> (ResourceAccess, TokenProfiles) {
        (ResourceAccess(invocation), TokenProfiles(factory: invocation.factory))
    }

    static func run(_ words: [String], _ dependencies: (ResourceAccess, TokenProfiles)) throws(CLIError) {
        let (resources, profiles) = dependencies
        let confirmation = resources.confirmation
        // Nothing is looked up, let alone revoked, before consent is possible.
        try confirmation.checkPossible(action: "nsx tokens revoke")
        try resources.printer.validateFields(resultFields)
        let context = try resources.connect(.token, fields: resultFields)
        let revoker = TokenRevoker(client: context.client, profiles: profiles, printer: context.printer)

        // Names become IDs up front, so the question can show what goes and the token in
        // use can go last. A word that does not resolve fails in its turn below, with its
        // own result.
        var ids: [String: String] = [:]
        for word in words where ids[word] == nil {
            if let id = try? context.id(word) { ids[word] = id }
        }
        if !confirmation.assumeYes {
            try confirm(words, ids: ids, current: revoker.current, context: context, confirmation: confirmation)
        }
        try Batch(printer: context.printer, pastTense: "Revoked token", columns: ResourceView.token.columns,
                  fields: resultFields).run(revoker.inUseLast(words) { ids[$0] }) { word throws(CLIError) in
            if let known = ids[word] { return try revoker.revoke(known) }
            return try revoker.revoke(try context.id(word))
        }
    }

    /// Keys a result may have: the token object's, or `error` for one that failed.
    static let resultFields = ResourceView.token.fields + ["error"]

    /// "Revoke token ci (nsx_live_AbCd, tok_…)?" — several tokens are listed first, one a line.
    static func confirm(_ words: [String], ids: [String: String], current: CurrentCredential?,
                        context: ResourceContext, confirmation: Confirmation) throws(CLIError) {
        var lines: [String] = []
        var seen = Set<String>()
        for word in words {
            guard let id = ids[word] else {
                lines.append("\(terminalSafe(word)) (not found; it will fail)")
                continue
            }
            guard seen.insert(id).inserted else { continue }
            let token = try? context.get(id)
            let name = terminalSafe(token?["name"]?.stringValue ?? word)
            let prefix = terminalSafe(token?["prefix"]?.stringValue ?? "?")
            var line = "\(name) (\(prefix), \(id))"
            if id == current?.tokenID { line += " — the credential nsx is using now" }
            lines.append(line)
        }
        let question: String
        if lines.count == 1 {
            question = "Revoke token \(lines[0])? It stops working at once."
        } else {
            context.printer.streams.warn("These tokens stop working at once:")
            for line in lines { context.printer.streams.warn("  \(line)") }
            question = "Revoke \(lines.count) tokens?"
        }
        try confirmation.require(question, action: "nsx tokens revoke")
    }
}
