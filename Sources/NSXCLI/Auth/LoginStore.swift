import NSXConfig
import NSXKeyring

/// Where a profile's login lives: its secret in the Secret Service (or, with
/// `--insecure-storage`, the 0600 credentials file) and its non-secret facts in config.json.
/// `login`, `logout` and `tokens create --save` all go through here.
struct LoginStore {
    let factory: Factory

    func key(profile: String, facts: ProfileFacts) -> SecretKey {
        SecretKey(profile: profile, apiURL: facts.apiURL)
    }

    /// A harmless read of the profile's own item: fails fast (no Secret Service, locked,
    /// timed out) before a password is asked for or sent, so nothing is half done.
    func checkUsable(_ storage: SecretStorage, key: SecretKey) throws(CLIError) {
        do {
            _ = try factory.secretStore(for: storage).read(key)
        } catch {
            throw .keyring(error, storing: true)
        }
    }

    /// The stored secret of a profile, or nil when its item is gone.
    func secret(profile: String, facts: ProfileFacts) throws(CLIError) -> String? {
        do {
            return try factory.secretStore(for: facts.storage).read(key(profile: profile, facts: facts))
        } catch {
            throw .keyring(error, storing: false)
        }
    }

    /// Saves a verified login: the secret first, then the facts (so config.json never
    /// names a secret that is not there). An item the profile had under another API URL
    /// or in the other store is removed afterwards.
    func save(secret: String, facts: ProfileFacts, profile: String, replacing previous: ProfileFacts?) throws(CLIError) {
        let store = factory.secretStore(for: facts.storage)
        let newKey = key(profile: profile, facts: facts)
        do {
            try store.write(secret, for: newKey, label: ProfileLabel.text(profile: profile, apiURL: facts.apiURL))
        } catch {
            throw .keyring(error, storing: true)
        }
        do {
            try factory.config.update { document in
                document.profiles[profile] = facts
            }
        } catch {
            // Leave no orphan behind when this login added the item.
            if previous.map({ key(profile: profile, facts: $0) != newKey || $0.storage != facts.storage }) ?? true {
                _ = try? store.delete(newKey)
            }
            throw .config(error)
        }
        factory.forgetCachedConfig()
        if let previous, previous.storage != facts.storage || previous.apiURL != facts.apiURL {
            _ = try? factory.secretStore(for: previous.storage).delete(key(profile: profile, facts: previous))
        }
    }

    /// Removes the secret, then the facts. A keyring that cannot be reached keeps both,
    /// so the user can try again instead of leaving an orphaned item behind.
    func remove(profile: String, facts: ProfileFacts) throws(CLIError) {
        do {
            _ = try factory.secretStore(for: facts.storage).delete(key(profile: profile, facts: facts))
        } catch {
            throw .keyring(error, storing: false)
        }
        do {
            try factory.config.update { document in
                // Only the login whose item was removed: one made meanwhile elsewhere stays.
                if let current = document.profiles[profile], current.apiURL == facts.apiURL, current.storage == facts.storage {
                    document.profiles[profile] = nil
                }
            }
        } catch {
            throw .config(error)
        }
        factory.forgetCachedConfig()
    }
}
