/// One column of a table (and of CSV): which value to show and how to present it.
public struct Column: Sendable, Equatable {
    /// How a cell's value is presented to people; piped output stays close to the raw value.
    public enum Style: Sendable, Equatable {
        case plain
        /// Never truncated when fitting a table to the terminal.
        case id
        /// An IP address or host: never truncated either (a cut address is a wrong one).
        case address
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
    /// The header on a terminal, where the cell reads differently: `AGE` over "3 minutes ago"
    /// where piped output has `CREATED` over the RFC 3339 time.
    public var terminalHeader: String?
    /// When a table is too wide for the terminal, columns give way lowest priority first;
    /// nil never gives way. Each view declares its own order (`ResourceView`).
    public var priority: Int?

    /// The header defaults to the key in capitals ("created_at" → "CREATED_AT").
    public init(_ key: String, header: String? = nil, style: Style = .plain, terminalHeader: String? = nil, priority: Int? = nil) {
        self.key = key
        self.header = header ?? key.uppercased()
        self.style = style
        self.terminalHeader = terminalHeader
        self.priority = priority
    }

    /// A resource's creation time: `AGE` on a terminal, `CREATED` when piped.
    public static func created(_ key: String = "created_at") -> Column {
        Column(key, header: "CREATED", style: .time, terminalHeader: "AGE")
    }

    /// The header as shown: on a terminal or piped.
    func header(onTerminal terminal: Bool) -> String {
        terminal ? terminalHeader ?? header : header
    }
}
