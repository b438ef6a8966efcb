import NSXConfig
import NSXJSON
import NSXKeyring
import NSXTime

/// Keeps stored sessions alive: one within an hour of expiry is renewed before use
/// (`/auth/refresh`), and the new secret replaces the old in the same store.
struct SessionKeeper {
    static let renewalWindow: Duration = .seconds(3600)

    let factory: Factory

    func renewIfDue(_ credential: Credential, client: APIClient, now: Timestamp) throws(CLIError) {
        guard credential.kind == .session, credential.source != .env,
              let expiry = credential.sessionExpiry, expiry - now < Self.renewalWindow else { return }
        do {
            _ = try renew(credential, client: client)
        } catch {
            // The old session is still valid until its expiry: say so and carry on with it.
            factory.streams.warn("warning: could not renew the session (\(ErrorPresenter.present(error).message)); it expires \(expiry.rfc3339)")
        }
    }

    /// Asks for a new session, stores it, and points `client` at it. Returns the new expiry.
    @discardableResult
    func renew(_ credential: Credential, client: APIClient) throws(CLIError) -> String? {
        let response = try client.post("/auth/refresh")
        guard let secret = response.data["token"]?.stringValue else {
            throw .malformedResponse("a refresh answer without a token", requestID: response.requestID)
        }
        let expiresAt = response.data["expires_at"]?.stringValue
        let profile = factory.globals.profile
        let apiURL = credential.facts?.apiURL ?? client.baseURL
        let store = credential.source == .file ? factory.fileSecrets : factory.keyring
        do {
            try store.write(secret, for: SecretKey(profile: profile, apiURL: apiURL), label: ProfileLabel.text(profile: profile, apiURL: apiURL))
        } catch {
            throw .keyring(error, storing: true)
        }
        do {
            try factory.config.update { document in
                document.profiles[profile]?.expiresAt = expiresAt
            }
        } catch {
            throw .config(error)
        }
        factory.forgetCachedConfig()
        var renewed = credential
        renewed.secret = secret
        renewed.facts?.expiresAt = expiresAt
        client.replaceCredential(renewed)
        return expiresAt
    }
}

/// The readable label of a keyring item (seahorse shows it).
enum ProfileLabel {
    static func text(profile: String, apiURL: String) -> String { "nsx: \(profile) (\(apiURL))" }
}
