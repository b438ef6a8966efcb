import NSXCommandLine
import NSXConfig
import NSXJSON
import NSXOutput
import NSXTime

/// `nsx tokens rotate ID|NAME`: a new token with the same name, permissions, environment
/// and lifetime replaces the old one, which is then revoked.
///
/// Order matters so that a failure half-way never leaves the user without a working
/// credential: (1) create the new token; (2) where a profile stores the old one, put the
/// new one in its place (on failure: show the new token so it is not lost, and leave the
/// old one alone); (3) show the new token (or, when stored, which profile holds it);
/// (4) revoke the old one (on failure: say so, with the command that finishes the job).
///
/// Lifetime: `--expires` when given; else the new token lasts as long from now as the old
/// one did from its creation (one that never expired never expires). Never beyond the
/// credential that rotates it, since the API refuses a token that would outlive its creator.
enum TokensRotate: Verb {
    static let target = ResourceGet.target(.token)

    static let spec = NSXCommand(
        "rotate", summary: "Replace a token with a new one and revoke the old",
        discussion: """
            The new token has the same name, permissions and environment, and lasts as
            long from now as the old one did from its creation (never beyond the
            credential doing the rotation); --expires gives it another end (30d, a
            date, or never), as for tokens create. A profile storing the old token gets
            the new one first; then the old one is revoked. Asks first on a terminal;
            without a terminal --yes is required.
            """,
        options: [.rotatedExpires],
        arguments: [target],
        examples: [Example("nsx tokens rotate ci --yes"),
                   Example("nsx tokens rotate ci --expires 90d", summary: "A token that never expired now does, in 90 days")],
        permissions: ["settings:read", "settings:write"], action: runner)

    struct Words: Equatable {
        var target: String
        /// `--expires` as given (read against the clock when the token is made); nil keeps
        /// the old token's lifetime.
        var expires: String?
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        Words(target: parsed[target], expires: parsed[.rotatedExpires])
    }

    static func dependencies(_ invocation: Invocation) -> (ResourceAccess, TokenProfiles) {
        (ResourceAccess(invocation), TokenProfiles(factory: invocation.factory))
    }

    static func run(_ words: Words, _ dependencies: (ResourceAccess, TokenProfiles)) throws(CLIError) {
        let (resources, profiles) = dependencies
        let confirmation = resources.confirmation
        try confirmation.checkPossible(action: "nsx tokens rotate")
        let printer = resources.printer
        try printer.validateFields(ResourceView.token.fields)
        // Checked before anything is asked or made; read against the clock again below.
        if let expires = words.expires { _ = try TokenExpiry.parse(expires, now: printer.clock.now()) }
        let context = try resources.connect(.token)
        let client = context.client
        let oldID = try context.id(words.target)
        let old = try context.get(oldID)
        let oldLabel = NewTokenOutput.label(old)
        if let revokedAt = old["revoked_at"]?.stringValue {
            throw .usage("token \(oldLabel) was revoked at \(revokedAt); there is nothing to rotate",
                         hint: "Make a new one with `nsx tokens create`.")
        }
        guard let name = old["name"]?.stringValue else {
            throw .malformedResponse("a token without a name", requestID: nil)
        }
        let permissions = Permission.canonicalOrder((old["permissions"]?.arrayValue ?? []).compactMap(\.stringValue))
        let environment = old["environment"]?.stringValue ?? "live"
        let current = CurrentCredential.describe(client, needs: [.tokenID, .expiry])
        let holders = try profiles.holding(oldID, apiURL: client.baseURL)

        if !confirmation.assumeYes {
            let prefix = terminalSafe(old["prefix"]?.stringValue ?? "?")
            let stored = holders.isEmpty ? "" : " The new one takes its place in profile\(holders.count == 1 ? "" : "s") \(holders.map { "\"\($0.name)\"" }.joined(separator: ", "))."
            try confirmation.require("Rotate token \(terminalSafe(name)) (\(prefix), \(oldID))? It is revoked once its replacement exists.\(stored)",
                                     action: "nsx tokens rotate")
        }

        let creatorExpiresAt = current?.kind == .apiToken ? current?.expiresAt : nil
        let lifetime = if let expires = words.expires {
            Lifetime.chosen(try TokenExpiry.parse(expires, now: printer.clock.now()), creatorExpiresAt: creatorExpiresAt)
        } else {
            Lifetime.renewed(createdAt: old["created_at"]?.stringValue, expiresAt: old["expires_at"]?.stringValue,
                             creatorExpiresAt: creatorExpiresAt, now: printer.clock.now())
        }
        if lifetime.capped, let expiresAt = lifetime.expiresAt {
            printer.note("The new token expires at \(expiresAt), when the credential rotating it does (a token cannot outlive its creator).")
        }
        var body: JSONObject = [
            "name": .string(name),
            "permissions": .array(permissions.map { .string($0) }),
            "environment": .string(environment),
        ]
        if let expiresAt = lifetime.expiresAt { body["expires_at"] = .string(expiresAt) }
        let created = try client.post(ResourceKind.token.path, body: .object(body)).data
        guard let secret = created["token"]?.stringValue, let newID = created["id"]?.stringValue else {
            throw .malformedResponse("a created token without its id and secret", requestID: nil)
        }

        let output = NewTokenOutput(printer: printer, title: "Rotated API token")
        var updated: [String] = []
        for holder in holders {
            do {
                try profiles.store(
                    secret: secret, token: created, profile: holder.name, apiURL: client.baseURL,
                    previous: holder.facts, account: holder.facts)
                updated.append(holder.name)
            } catch {
                try output.printSecret(created)
                let done = updated.isEmpty ? "" : " (profile\(updated.count == 1 ? "" : "s") \(updated.map { "\"\($0)\"" }.joined(separator: ", ")) now hold\(updated.count == 1 ? "s" : "") it)"
                throw .stoppedPartWay(
                    done: "created the new token \(newID)\(done), but could not store it in profile \"\(holder.name)\"",
                    next: ["The old token \(oldID) still works and was NOT revoked; profile \"\(holder.name)\" still holds it.",
                           "The new token is shown above, once. Store it (`nsx login --with-token --profile \(holder.name)`), then run `nsx tokens revoke \(oldID)`."],
                    cause: error)
            }
        }
        if updated.isEmpty {
            try output.printSecret(created)
        } else {
            let profiles = updated.map { "\"\($0)\"" }.joined(separator: ", ")
            try output.printSaved(created, message: "Rotated token \(terminalSafe(name)): profile\(updated.count == 1 ? "" : "s") \(profiles) now hold\(updated.count == 1 ? "s" : "") \(newID) (\(terminalSafe(created["prefix"]?.stringValue ?? "")))")
        }

        do {
            _ = try client.delete(ResourceKind.token.itemPath(oldID))
        } catch {
            let stored = updated.isEmpty ? "" : " and stored it in place of the old one"
            throw .stoppedPartWay(done: "created the new token \(newID)\(stored), but could not revoke the old token \(oldID)",
                                  next: ["The old token still works. Revoke it with: nsx tokens revoke \(oldID)"],
                                  cause: error)
        }
        printer.noteDone("Revoked the old token \(oldLabel)")
        if current?.tokenID == oldID, current?.source == .env {
            printer.warn("NSX_TOKEN holds the old token, which is now revoked; set it to the new one.")
        }
    }

    /// When the replacement expires.
    struct Lifetime: Equatable {
        /// RFC 3339, or nil for never.
        var expiresAt: String?
        /// Shortened to the rotating credential's own expiry.
        var capped: Bool

        static func renewed(createdAt: String?, expiresAt: String?, creatorExpiresAt: String?, now: Timestamp) -> Lifetime {
            var moment: Timestamp?
            if let expiresAt, let end = Timestamp(rfc3339: expiresAt) {
                let start = createdAt.flatMap(Timestamp.init(rfc3339:)) ?? end
                moment = now + max(.seconds(60), end - start)
            }
            return capped(moment, creatorExpiresAt)
        }

        /// `--expires`: the moment given (RFC 3339), or nil for never.
        static func chosen(_ expiresAt: String?, creatorExpiresAt: String?) -> Lifetime {
            capped(expiresAt.flatMap(Timestamp.init(rfc3339:)), creatorExpiresAt)
        }

        private static func capped(_ moment: Timestamp?, _ creatorExpiresAt: String?) -> Lifetime {
            if let creatorExpiresAt, let limit = Timestamp(rfc3339: creatorExpiresAt), moment.map({ $0 > limit }) ?? true {
                return Lifetime(expiresAt: limit.rfc3339, capped: true)
            }
            return Lifetime(expiresAt: moment?.rfc3339, capped: false)
        }
    }
}

extension OptionKey where Self == ValueOption {
    /// As `tokens create --expires`, without its default: not given keeps the old lifetime.
    static var rotatedExpires: Self {
        .value("expires", .string, valueName: "when", help: "When the new token expires: " + TokenExpiry.help + " (default: as long as the old one lived)")
    }
}
