import NSXJSON

/// Builds nested objects from key paths, shared by `settings set` and `nsx api -F a.b=c`.
enum JSONPaths {
    /// `object` with `value` stored at `path`, creating (or replacing non-object) parents.
    /// With `append`, the value is added to the array at `path` (`-F permissions[]=…`).
    static func setting(_ path: [String], to value: JSONValue, in object: JSONObject, append: Bool = false) -> JSONObject {
        guard let first = path.first else { return object }
        var result = object
        if path.count == 1 {
            if append {
                result[first] = .array((result[first]?.arrayValue ?? []) + [value])
            } else {
                result[first] = value
            }
        } else {
            let inner = result[first]?.objectValue ?? JSONObject()
            result[first] = .object(setting(Array(path.dropFirst()), to: value, in: inner, append: append))
        }
        return result
    }
}
