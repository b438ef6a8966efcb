import NSXJSON

/// Why config.json does not have the shape nsx reads, in words naming the key:
/// `profiles.ci.api_url is missing`.
struct ConfigShapeError: Error {
    var reason: String
}

/// Checked reads of the known keys of one object of config.json. Absent and null read
/// as nil; anything else of the wrong type is a `ConfigShapeError` naming its path.
struct ConfigFields {
    let object: JSONObject
    /// Where `object` is, for messages: "" for the top level, else `profiles.ci`.
    let path: String

    init(_ object: JSONObject, path: String) {
        self.object = object
        self.path = path
    }

    func place(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func string(_ key: String, required: Bool = false) throws(ConfigShapeError) -> String? {
        guard let value = try present(key, required: required) else { return nil }
        guard let text = value.stringValue else { throw ConfigShapeError(reason: "\(place(key)) should be a string") }
        return text
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, of _: Choice.Type, required: Bool = false)
        throws(ConfigShapeError) -> Choice? where Choice.RawValue == String {
        guard let text = try string(key, required: required) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: " or ")
            throw ConfigShapeError(reason: "\(place(key)) should be \(allowed), not \"\(text)\"")
        }
        return choice
    }

    func strings(_ key: String) throws(ConfigShapeError) -> [String]? {
        guard let value = try present(key, required: false) else { return nil }
        guard let array = value.arrayValue, array.allSatisfy({ $0.stringValue != nil }) else {
            throw ConfigShapeError(reason: "\(place(key)) should be a list of strings")
        }
        return array.compactMap(\.stringValue)
    }

    func object(_ key: String) throws(ConfigShapeError) -> JSONObject? {
        guard let value = try present(key, required: false) else { return nil }
        guard let object = value.objectValue else { throw ConfigShapeError(reason: "\(place(key)) should be an object") }
        return object
    }

    private func present(_ key: String, required: Bool) throws(ConfigShapeError) -> JSONValue? {
        guard let value = object[key], !value.isNull else {
            if required { throw ConfigShapeError(reason: "\(place(key)) is missing") }
            return nil
        }
        return value
    }
}
