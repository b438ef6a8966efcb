import NSXJSON

/// Everything in `config.json`: settings, the default profile and each profile's
/// non-secret facts.
///
/// The document is the JSON object as read; the properties overlay the keys nsx knows,
/// so keys this version does not know (from a newer nsx, or a person) are written back
/// unchanged and in place.
public struct ConfigDocument: Sendable, Equatable {
    public private(set) var json: JSONObject

    public init(defaultProfile: String? = nil, settings: [String: String] = [:],
                profiles: [String: ProfileFacts] = [:]) {
        json = JSONObject()
        self.defaultProfile = defaultProfile
        self.settings = settings
        self.profiles = profiles
    }

    /// A document as read from the file, with every known key checked.
    init(validating json: JSONObject) throws(ConfigShapeError) {
        let fields = ConfigFields(json, path: "")
        _ = try fields.string(Key.defaultProfile)
        if let settings = try fields.object(Key.settings) {
            let nested = ConfigFields(settings, path: Key.settings)
            for key in settings.keys { _ = try nested.string(key) }
        }
        if let profiles = try fields.object(Key.profiles) {
            let nested = ConfigFields(profiles, path: Key.profiles)
            for name in profiles.keys {
                guard let object = try nested.object(name) else { continue }
                _ = try ProfileFacts(validating: object, path: nested.place(name))
            }
        }
        self.json = json
    }

    /// The profile used when neither `--profile` nor `NSX_PROFILE` names one.
    public var defaultProfile: String? {
        get { json[Key.defaultProfile]?.stringValue }
        set { json[Key.defaultProfile] = newValue.map(JSONValue.string) }
    }

    /// `api_url`, `output`, `color`, … as `nsx config set` stores them.
    public var settings: [String: String] {
        get {
            var result: [String: String] = [:]
            for (key, value) in json[Key.settings]?.objectValue ?? JSONObject() {
                if let text = value.stringValue { result[key] = text }
            }
            return result
        }
        set {
            let members = newValue.mapValues(JSONValue.string)
            json[Key.settings] = Self.overlaid(json[Key.settings]?.objectValue, with: members).map(JSONValue.object)
        }
    }

    /// Each profile's facts, by profile name.
    public var profiles: [String: ProfileFacts] {
        get {
            var result: [String: ProfileFacts] = [:]
            for (name, value) in json[Key.profiles]?.objectValue ?? JSONObject() {
                guard let object = value.objectValue,
                      let facts = try? ProfileFacts(validating: object, path: name) else { continue }
                result[name] = facts
            }
            return result
        }
        set {
            let members = newValue.mapValues { JSONValue.object($0.json) }
            json[Key.profiles] = Self.overlaid(json[Key.profiles]?.objectValue, with: members).map(JSONValue.object)
        }
    }

    /// `members` written over `existing`: keys already there keep their place, keys gone are
    /// removed, new keys follow in sorted order. An object that was not there and would be
    /// empty is not added.
    static func overlaid(_ existing: JSONObject?, with members: [String: JSONValue]) -> JSONObject? {
        guard existing != nil || !members.isEmpty else { return nil }
        var result = existing ?? JSONObject()
        for key in result.keys where members[key] == nil { result[key] = nil }
        for key in members.keys.sorted() { result[key] = members[key] }
        return result
    }

    enum Key {
        static let defaultProfile = "default_profile"
        static let settings = "settings"
        static let profiles = "profiles"
    }
}
