import NSXCommandLine
import NSXJSON
import NSXOutput

/// `nsx tokens revoke ID|NAME…` (also `delete`, `rm`): on a terminal, looks the tokens up and
/// asks showing each one's name and prefix (an unknown word is exit 5 with nothing asked);
/// without one, `--yes` is required and checked before any request. Each token is revoked in
/// turn with one result each — one already revoked says so and is left alone — and the
/// credential nsx itself is using goes last, then is dropped from the keyring and its profile.
enum TokensRevoke: Verb {
    static let targets = ResourceDelete.targets(.token)

    static let spec = NSXCommand(
        "revoke", aliases: ["delete", "rm"], summary: "Revoke API tokens at once",
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

        // On a terminal every word is looked up first, so the question can show what goes (an
        // unknown word fails before anything is asked).
        var tokens: [String: JSONValue] = [:]
        if !confirmation.assumeYes {
            let found = try context.lookUp(words)
            for (word, token) in found { tokens[word] = token }
            try confirm(found.map(\.object).filter { $0["revoked_at"]?.isNull != false }, current: revoker.current,
                        context: context, confirmation: confirmation)
        }
        // With --yes nothing was looked up: names become IDs here, so that the token in use
        // goes last (a word that names nothing fails in its turn below).
        var ids: [String: String] = tokens.compactMapValues { $0["id"]?.stringValue }
        for word in words where ids[word] == nil {
            ids[word] = try? context.id(word)
        }
        let ordered = revoker.inUseLast(words) { ids[$0] }

        var results: [Result<Batch.Done, CLIError>] = []
        for word in ordered {
            results.append(Result { () throws(CLIError) in
                let token: JSONValue
                if let known = tokens[word] {
                    token = known
                } else if let id = ids[word] {
                    token = try context.get(id)
                } else {
                    token = try context.get(try context.id(word))
                }
                if let at = token["revoked_at"]?.stringValue {
                    return Batch.Done(object: token, saying: "Token \(NewTokenOutput.label(token)) was already revoked (\(at))")
                }
                return Batch.Done(object: try revoker.revoke(token["id"]?.stringValue ?? word, known: token))
            })
        }
        try Batch(printer: context.printer, pastTense: "Revoked token", columns: ResourceView.token.columns, fields: resultFields)
            .report(ordered, results)
    }

    /// Keys a result may have: the token object's, or `error` for one that failed.
    static let resultFields = ResourceView.token.fields + ["error"]

    /// "Revoke token ci (nsx_live_AbCd, tok_…)?" — several tokens are listed first, one a line.
    /// Tokens already revoked are not asked about.
    static func confirm(_ tokens: [JSONValue], current: CurrentCredential?, context: ResourceContext,
                        confirmation: Confirmation) throws(CLIError) {
        guard !tokens.isEmpty else { return }
        let lines = tokens.map { token in
            let id = token["id"]?.stringValue ?? "?"
            var line = terminalSafe("\(token["name"]?.stringValue ?? id) (\(token["prefix"]?.stringValue ?? "?"), \(id))")
            if id == current?.tokenID { line += " — the credential nsx is using now" }
            return line
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
