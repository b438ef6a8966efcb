/// The commands nsx suggests in hints and messages (`Run \`nsx login\``), written so that
/// copying one acts on the same login: with `--profile P` whenever the profile in use was
/// chosen rather than the default (by `--profile`, NSX_PROFILE or `config set profile`).
public struct CommandSuggestions: Sendable, Equatable {
    /// The profile to name, or nil when a bare command already uses the right one.
    public var profile: String?

    public init(profile: String? = nil) {
        self.profile = profile
    }

    /// `nsx login --profile ci`, or `nsx login`.
    public func nsx(_ words: String) -> String {
        profile.map { "nsx \(words) --profile \($0)" } ?? "nsx \(words)"
    }
}
