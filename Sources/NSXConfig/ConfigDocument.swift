/// Everything in `config.json`: settings, the default profile and each
/// profile's non-secret facts. Keys in the file are snake_case; members this
/// version does not know are kept and written back unchanged.
public struct ConfigDocument: Codable, Sendable, Equatable {
    public var defaultProfile: String?
    /// `api_url`, `output`, `color`, … as `nsx config set` stores them.
    public var settings: [String: String]
    public var profiles: [String: ProfileFacts]
    var unknownFields: [String: PreservedJSON] = [:]

    public init(defaultProfile: String? = nil, settings: [String: String] = [:],
                profiles: [String: ProfileFacts] = [:]) {
        self.defaultProfile = defaultProfile
        self.settings = settings
        self.profiles = profiles
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case defaultProfile = "default_profile"
        case settings, profiles
    }

    public init(from decoder: any Decoder) throws {
        let known = try decoder.container(keyedBy: CodingKeys.self)
        defaultProfile = try known.decodeIfPresent(String.self, forKey: .defaultProfile)
        settings = try known.decodeIfPresent([String: String].self, forKey: .settings) ?? [:]
        profiles = try known.decodeIfPresent([String: ProfileFacts].self, forKey: .profiles) ?? [:]
        unknownFields = try decoder.container(keyedBy: AnyCodingKey.self)
            .unknownMembers(besides: Set(CodingKeys.allCases.map(\.rawValue)))
    }

    public func encode(to encoder: any Encoder) throws {
        var others = encoder.container(keyedBy: AnyCodingKey.self)
        try others.encodeMembers(unknownFields)
        var known = encoder.container(keyedBy: CodingKeys.self)
        try known.encodeIfPresent(defaultProfile, forKey: .defaultProfile)
        try known.encode(settings, forKey: .settings)
        try known.encode(profiles, forKey: .profiles)
    }
}
