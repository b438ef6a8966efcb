import NSXConfig
import NSXJSON

/// API tokens kept as profiles' credentials (`tokens create --save`), and what `rotate` and
/// `revoke` must keep in step with the server: which profiles hold a token, storing a new
/// one as a profile's credential, and dropping a revoked one. Secrets and facts go through
/// `LoginStore`, like every login.
struct TokenProfiles {
    let factory: Factory

    /// The profile nsx is using in this run.
    var activeProfile: String { factory.globals.profile }

    /// What config.json records for `profile`, if it holds a login.
    func facts(of profile: String) throws(CLIError) -> ProfileFacts? {
        try factory.configDocument().profiles[profile]
    }

    /// The profiles whose stored credential is token `id` at this API URL, by name.
    func holding(_ id: String, apiURL: String) throws(CLIError) -> [(name: String, facts: ProfileFacts)] {
        try holdingTokens(apiURL: apiURL).filter { $0.facts.tokenID == id }
    }

    /// Token ID → the profiles (by name) whose stored credential it is at this API URL
    /// (`tokens audit` marks those tokens: fixing one changes its profiles).
    func holders(apiURL: String) throws(CLIError) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for holder in try holdingTokens(apiURL: apiURL) {
            if let id = holder.facts.tokenID { result[id, default: []].append(holder.name) }
        }
        return result
    }

    /// The profiles holding an API token at this API URL, by name.
    private func holdingTokens(apiURL: String) throws(CLIError) -> [(name: String, facts: ProfileFacts)] {
        let url = APIURL.normalized(apiURL)
        return try factory.configDocument().profiles
            .filter { $0.value.tokenID != nil && APIURL.normalized($0.value.apiURL) == url }
            .map { (name: $0.key, facts: $0.value) }
            .sorted { $0.name < $1.name }
    }

    /// Stores `secret` (of the token object `token`) as `profile`'s credential: the keyring
    /// item first, then the facts. The profile keeps its storage (keyring or file) when it
    /// has one. `account` supplies who the token belongs to, when known.
    func store(secret: String, token: JSONValue, profile: String, apiURL: String,
               previous: ProfileFacts?, account: ProfileFacts?) throws(CLIError) {
        let facts = ProfileFacts(
            apiURL: APIURL.normalized(apiURL),
            credentialType: .apiToken,
            storage: previous?.storage ?? .keyring,
            email: account?.email, userID: account?.userID, userName: account?.userName,
            tokenID: token["id"]?.stringValue, tokenName: token["name"]?.stringValue,
            tokenPrefix: token["prefix"]?.stringValue,
            environment: token["environment"]?.stringValue.flatMap(APIEnvironment.init(rawValue:))
                ?? (secret.hasPrefix(TokenFormat.testPrefix) ? .test : .live),
            permissions: Permission.canonicalOrder((token["permissions"]?.arrayValue ?? []).compactMap(\.stringValue)),
            expiresAt: token["expires_at"]?.stringValue)
        try LoginStore(factory: factory).save(secret: secret, facts: facts, profile: profile, replacing: previous)
    }

    /// Drops a revoked token from every profile that held it, saying so. A profile whose
    /// keyring item cannot be removed is left as it is, with a warning saying how to finish.
    func forget(_ id: String, label: String, apiURL: String, inUseProfile: String?) {
        let printer = factory.printer
        let holders: [(name: String, facts: ProfileFacts)]
        do {
            holders = try holding(id, apiURL: apiURL)
        } catch {
            factory.streams.warn("warning: could not read the config to remove the revoked token \(label) from its profiles: \(ErrorPresenter.present(error).message)")
            return
        }
        for holder in holders {
            do {
                try LoginStore(factory: factory).remove(profile: holder.name, facts: holder.facts)
            } catch {
                factory.streams.warn("warning: profile \"\(holder.name)\" still stores the revoked token \(label): \(ErrorPresenter.present(error).message); remove it with `nsx logout --profile \(holder.name)`")
                continue
            }
            if holder.name == inUseProfile {
                printer.warn("\(label) was the credential of profile \"\(holder.name)\", which nsx is using; it is removed from the keyring. Run `nsx login` to keep working.")
            } else {
                factory.streams.warn("Removed the revoked token \(label) from profile \"\(holder.name)\".")
            }
        }
    }
}
