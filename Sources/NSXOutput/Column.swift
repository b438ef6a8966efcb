/// One column of a table (and of CSV): which value to show and how to present it.
public struct Column: Sendable, Equatable {
    /// How a cell's value is presented to people; piped output stays close to the raw value.
    public enum Style: Sendable, Equatable {
        case plain
        /// Never truncated when fitting a table to the terminal.
        case id
        /// Coloured by meaning on a terminal (green running, yellow transitional, red failed).
        case status
        /// An RFC 3339 timestamp: relative ("3 minutes ago") on a terminal, as given when piped.
        case time
        /// A byte count: human-readable ("1.5 GiB") on a terminal, the number when piped.
        case bytes
        case list
        case map
    }

    /// A JSON key path into each item ("name", "labels.env").
    public var key: String
    public var header: String
    public var style: Style

    /// The header defaults to the key in capitals ("created_at" → "CREATED_AT").
    public init(_ key: String, header: String? = nil, style: Style = .plain) {
        self.key = key
        self.header = header ?? key.uppercased()
        self.style = style
    }
}
