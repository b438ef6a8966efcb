import NSXCommandLine
import NSXConfig
import NSXJSON
import NSXOutput

/// `nsx auth list`: every stored login, `*` marking the one this run would use.
/// Read from config.json alone: no keyring and no network.
enum AuthList: Verb {
    static let spec = NSXCommand("list", aliases: ["ls"], summary: "List every stored profile; * marks the active one",
                                 action: runner)

    static let columns = [
        Column("name", header: "NAME", style: .id),
        Column("api_url", header: "API URL"),
        Column("user", header: "USER"),
        Column("type", header: "TYPE"),
        Column("environment", header: "ENVIRONMENT"),
        Column("expires_at", header: "EXPIRES", style: .time),
    ]

    static let fieldNames = ["profile", "active", "api_url", "user", "email", "token_name", "type", "environment", "storage", "expires_at"]

    static func run(_ words: Void, _ auth: AuthAccess) throws(CLIError) {
        let profiles = try auth.storedProfiles().sorted { $0.key < $1.key }
        let printer = auth.printer
        if printer.quiet {
            // -q prints identifiers; a profile's is its name.
            for (name, _) in profiles { printer.streams.print(name) }
            return
        }
        let writer = try printer.list(columns: columns, fields: fieldNames)
        for (name, facts) in profiles {
            writer.write(row(name, facts, active: name == auth.profile, forTable: printer.showsOwnView))
        }
        writer.finish()
        if profiles.isEmpty && printer.isForPeople {
            printer.streams.warn("No stored logins. Run `\(printer.suggestions.nsx("login"))` to add one.")
        }
    }

    /// One profile. In a table `*` marks the active one before its name; scripts get
    /// `active` as a boolean instead.
    static func row(_ name: String, _ facts: ProfileFacts, active: Bool, forTable: Bool) -> JSONValue {
        let user = facts.credentialType == .apiToken
            ? (facts.tokenName ?? facts.tokenPrefix.map { $0 + "…" } ?? facts.email)
            : (facts.email ?? facts.userName)
        var object: JSONObject = [:]
        if forTable { object["name"] = .string((active ? "* " : "  ") + name) }
        object["profile"] = .string(name)
        object["active"] = .bool(active)
        object["api_url"] = .string(facts.apiURL)
        object["user"] = user.map(JSONValue.string) ?? .null
        object["email"] = facts.email.map(JSONValue.string) ?? .null
        object["token_name"] = facts.tokenName.map(JSONValue.string) ?? .null
        object["type"] = .string(facts.credentialType.rawValue)
        object["environment"] = .string(facts.environment.rawValue)
        object["storage"] = .string(facts.storage.rawValue)
        object["expires_at"] = facts.expiresAt.map(JSONValue.string) ?? .null
        return .object(object)
    }
}
