/// What kind of secret a profile holds.
public enum CredentialKind: String, Sendable, CaseIterable {
    /// A 24-hour session from email and password.
    case session
    /// An `nsx_live_…` / `nsx_test_…` API token.
    case apiToken = "api_token"
}

/// Where a profile's secret is kept.
public enum SecretStorage: String, Sendable, CaseIterable {
    /// The Secret Service (GNOME keyring).
    case keyring
    /// The 0600 credentials file of `--insecure-storage`.
    case file
}

/// Which resources a credential acts on.
public enum APIEnvironment: String, Sendable, CaseIterable {
    case live
    case test
}
