/// Identifies one stored secret: a profile on one API. These values are
/// stored unencrypted as item attributes, so they must never be secret.
public struct SecretKey: Hashable, Sendable {
    public var profile: String
    public var apiURL: String

    public init(profile: String, apiURL: String) {
        self.profile = profile
        self.apiURL = apiURL
    }

    /// What a keyring browser (Seahorse, `secret-tool search`) shows.
    public var defaultLabel: String { "nsx: \(profile) (\(apiURL))" }
}
