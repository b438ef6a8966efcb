// Dotted key paths ("notifications.email", "labels.env", "items.0.id") address values
// inside nested objects and arrays; they are what `--fields` and `settings set` speak.
//
// Keys may themselves contain dots (label keys such as "app.kubernetes.io/name"), so a
// lookup tries the whole remaining path as one key before splitting it at each dot.

extension JSONValue {
    /// The value at a dotted key path, or nil when any step is missing.
    /// Setting creates intermediate objects as needed; setting nil removes the last key.
    public subscript(path: String) -> JSONValue? {
        get { Self.lookup(self, path[...]) }
        set { Self.assign(&self, path[...], newValue) }
    }

    private static func lookup(_ value: JSONValue, _ path: Substring) -> JSONValue? {
        switch value {
        case .object(let object):
            if let exact = object[String(path)] { return exact }
            var searchStart = path.startIndex
            while let dot = path[searchStart...].firstIndex(of: ".") {
                let rest = path[path.index(after: dot)...]
                if let child = object[String(path[..<dot])], let found = lookup(child, rest) { return found }
                searchStart = path.index(after: dot)
            }
            return nil
        case .array(let array):
            let dot = path.firstIndex(of: ".")
            guard let position = Int(path[..<(dot ?? path.endIndex)]), array.indices.contains(position) else { return nil }
            guard let dot else { return array[position] }
            return lookup(array[position], path[path.index(after: dot)...])
        default:
            return nil
        }
    }

    private static func assign(_ value: inout JSONValue, _ path: Substring, _ newValue: JSONValue?) {
        if newValue == nil, value.objectValue == nil { return }  // nothing to remove
        var object = value.objectValue ?? JSONObject()
        let wholeKey = String(path)
        if object.contains(key: wholeKey) || !path.contains(".") {
            object[wholeKey] = newValue
        } else {
            let dot = path.firstIndex(of: ".")!
            let head = String(path[..<dot])
            var child = object[head] ?? .object(JSONObject())
            if newValue == nil, object[head] == nil { return }  // removing below a missing key changes nothing
            assign(&child, path[path.index(after: dot)...], newValue)
            object[head] = child
        }
        value = .object(object)
    }
}
