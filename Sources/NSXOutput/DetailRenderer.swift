import NSXJSON

/// One object for people (`get`, `create` as a table): aligned `key: value` lines (laid out
/// as `DetailBlock` lays out its rows), nested maps indented below their key, lists of
/// objects as indented `- ` blocks.
struct DetailRenderer {
    let columns: [Column]
    let options: OutputOptions

    func render(_ value: JSONValue) -> String {
        let lines: [String]
        switch value {
        case .object(let object): lines = objectLines(object, path: "")
        case .array(let elements): lines = listLines(elements, path: "")
        default: lines = [cellText(value, path: "")]
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func objectLines(_ object: JSONObject, path: String) -> [String] {
        guard !object.isEmpty else { return ["-"] }
        let labels = object.keys.map { terminalSafe($0) + ":" }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        var lines: [String] = []
        for ((key, member), label) in zip(object, labels) {
            let memberPath = path.isEmpty ? key : path + "." + key
            if let block = blockLines(member, path: memberPath) {
                lines.append(label)
                lines += block.map { "  " + $0 }
            } else {
                lines.append(DetailBlock.aligned(label, width: DisplayWidth.of(label), in: labelWidth, cellText(member, path: memberPath)))
            }
        }
        return lines
    }

    /// Lines below a key for maps with content and lists holding containers; nil when
    /// the value fits on the key's own line.
    private func blockLines(_ value: JSONValue, path: String) -> [String]? {
        switch value {
        case .object(let object) where !object.isEmpty:
            return objectLines(object, path: path)
        case .array(let elements) where elements.contains(where: { $0.arrayValue != nil || $0.objectValue != nil }):
            return listLines(elements, path: path)
        default:
            return nil
        }
    }

    private func listLines(_ elements: [JSONValue], path: String) -> [String] {
        guard !elements.isEmpty else { return ["-"] }
        return elements.flatMap { element -> [String] in
            let body = blockLines(element, path: path) ?? [cellText(element, path: path)]
            return ["- " + body[0]] + body.dropFirst().map { "  " + $0 }
        }
    }

    private func cellText(_ value: JSONValue, path: String) -> String {
        let style = columns.first { $0.key == path }?.style ?? inferredStyle(forKey: path)
        let text = CellText(options: options).forTable(value, style: style)
        return style == .status ? Style(enabled: options.usesColour).status(text) : text
    }
}
