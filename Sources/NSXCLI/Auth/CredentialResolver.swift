import NSXConfig
import NSXKeyring
import NSXTime

/// Finds the credential for this run: `NSX_TOKEN` beats anything stored; otherwise the
/// active profile's secret from the keyring (or the 0600 file with `--insecure-storage`).
struct CredentialResolver {
    let factory: Factory

    func resolve(now: Timestamp) throws(CLIError) -> Credential? {
        if let token = environmentToken {
            let credential = Credential(secret: token, kind: Credential.kind(of: token), source: .env, facts: nil)
            if let expiry = credential.sessionExpiry, expiry <= now {
                throw .sessionExpired(profile: "NSX_TOKEN", at: expiry.rfc3339)
            }
            return credential
        }
        let profile = factory.globals.profile
        guard let facts = try factory.profileFacts() else { return nil }
        // Logged in elsewhere: a profile's secret belongs to the API URL it logged in to.
        if let explicit = requestedElsewhere(facts) {
            throw .loggedInElsewhere(profile: profile, storedURL: facts.apiURL, requestedURL: explicit)
        }
        let store = factory.secretStore(for: facts.storage)
        let secret: String?
        do {
            secret = try store.read(SecretKey(profile: profile, apiURL: facts.apiURL))
        } catch {
            throw .keyring(error, storing: false)
        }
        guard let secret else {
            throw .badCredential("profile \"\(profile)\" has no secret in the \(facts.storage == .file ? "credentials file" : "keyring") any more; run `\(factory.globals.suggestions.nsx("login"))` again")
        }
        let credential = Credential(secret: secret, kind: facts.credentialType, source: Credential.Source(facts.storage), facts: facts)
        if credential.kind == .session, let expiry = credential.sessionExpiry ?? facts.expiresAt.flatMap(Timestamp.init(rfc3339:)), expiry <= now {
            throw .sessionExpired(profile: profile, at: expiry.rfc3339)
        }
        return credential
    }

    /// The keyring item `resolve` will read (no NSX_TOKEN; a profile that keeps its secret
    /// there, asked for on the API URL it logged in to), known before it reads it, so the
    /// read can start early; nil when `resolve` will not read the keyring.
    var keyringKey: SecretKey? {
        guard environmentToken == nil, let facts = try? factory.profileFacts(), facts.storage == .keyring,
              requestedElsewhere(facts) == nil else { return nil }
        return SecretKey(profile: factory.globals.profile, apiURL: facts.apiURL)
    }

    /// The API URL asked for (flag or environment) when it is not the one the profile logged in to.
    private func requestedElsewhere(_ facts: ProfileFacts) -> String? {
        guard let explicit = factory.globals.explicitAPIURL, APIURL.normalized(explicit) != APIURL.normalized(facts.apiURL) else {
            return nil
        }
        return explicit
    }

    private var environmentToken: String? {
        guard let token = factory.environment[EnvironmentVariable.token.rawValue]?.trimmingWhitespace(), !token.isEmpty else {
            return nil
        }
        return token
    }
}
