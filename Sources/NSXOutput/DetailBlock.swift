/// A block of labelled lines for people — `auth status`, `doctor` — laid out like a
/// `get` (`DetailRenderer`): labels padded to the widest, two spaces, the value; lines
/// that continue a row start under its value.
public struct DetailBlock: Sendable {
    public struct Row: Sendable {
        public var label: StyledText
        public var value: StyledText
        /// Further lines under the value (`fix: …`).
        public var more: [StyledText]

        public init(_ label: StyledText, _ value: StyledText, more: [StyledText] = []) {
            self.label = label
            self.value = value
            self.more = more
        }
    }

    public var rows: [Row]

    public init(_ rows: [Row]) {
        self.rows = rows
    }

    public func render(_ style: Style) -> String {
        let labelWidth = rows.map(\.label.width).max() ?? 0
        var output = ""
        for row in rows {
            output += Self.aligned(row.label.rendered(style), width: row.label.width, in: labelWidth, row.value.rendered(style)) + "\n"
            for line in row.more {
                output += String(repeating: " ", count: labelWidth + 2) + line.rendered(style) + "\n"
            }
        }
        return output
    }

    /// `label`, padded from its `width` to `labelWidth` columns, two spaces, `value`: the
    /// one layout of labelled lines.
    static func aligned(_ label: String, width: Int, in labelWidth: Int, _ value: String) -> String {
        label + String(repeating: " ", count: max(0, labelWidth - width)) + "  " + value
    }
}
