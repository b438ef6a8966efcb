#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NSXConfig
import NSXKeyring

/// Finds the credential for this run: `NSX_TOKEN` beats anything stored; otherwise the
/// active profile's secret from the keyring (or the 0600 file with `--insecure-storage`).
struct CredentialResolver {
    let factory: Factory

    func resolve(now: Date = Date()) throws(CLIError) -> Credential? {
        if let token = factory.environment[EnvironmentVariable.token.rawValue]?.trimmingWhitespace(), !token.isEmpty {
            let credential = Credential(secret: token, kind: Credential.kind(of: token), source: .env, facts: nil)
            if let expiry = credential.sessionExpiry, expiry <= now {
                throw .sessionExpired(profile: "NSX_TOKEN", at: Timestamps.rfc3339(expiry))
            }
            return credential
        }
        let profile = factory.globals.profile
        guard let facts = try factory.profileFacts() else { return nil }
        // Logged in elsewhere: a profile's secret belongs to the API URL it logged in to.
        if let explicit = factory.globals.explicitAPIURL, APIURL.normalized(explicit) != APIURL.normalized(facts.apiURL) {
            throw .loggedInElsewhere(profile: profile, storedURL: facts.apiURL, requestedURL: explicit)
        }
        let store = factory.secretStore(named: facts.storage)
        let secret: String?
        do {
            secret = try store.read(SecretKey(profile: profile, apiURL: facts.apiURL))
        } catch {
            throw .keyring(error, storing: false)
        }
        guard let secret else {
            throw .badCredential("profile \"\(profile)\" has no secret in the \(facts.storage == "file" ? "credentials file" : "keyring") any more; run `nsx login` again")
        }
        let kind: Credential.Kind = facts.credentialType == Credential.Kind.session.rawValue ? .session : .apiToken
        let source: Credential.Source = facts.storage == Credential.Source.file.rawValue ? .file : .keyring
        let credential = Credential(secret: secret, kind: kind, source: source, facts: facts)
        if kind == .session, let expiry = credential.sessionExpiry ?? facts.expiresAt.flatMap(Timestamps.parse), expiry <= now {
            throw .sessionExpired(profile: profile, at: Timestamps.rfc3339(expiry))
        }
        return credential
    }
}
