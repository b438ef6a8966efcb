import NSXTime

/// Everything that decides how results are written, gathered once from flags,
/// environment and whether stdout is a terminal.
public struct OutputOptions: Sendable {
    public var format: OutputFormat
    /// `--fields`: key paths to show, in this order; nil shows the defaults.
    public var fields: [String]?
    /// `--no-headers`: tables and CSV without their header row.
    public var noHeaders: Bool
    /// `-q`: only the `id` of each result, one per line.
    public var quiet: Bool
    /// ANSI colour; honoured only when `terminal` is also true.
    public var colour: Bool
    /// stdout is a terminal: relative times, human sizes, width fitting and escaping.
    public var terminal: Bool
    /// Terminal width in columns, used to fit tables.
    public var width: Int
    /// The moment relative times are measured from.
    public var now: Timestamp

    public init(
        format: OutputFormat = .table,
        fields: [String]? = nil,
        noHeaders: Bool = false,
        quiet: Bool = false,
        colour: Bool = false,
        terminal: Bool = false,
        width: Int = 80,
        now: Timestamp = WallClock.system.now()
    ) {
        self.format = format
        self.fields = fields
        self.noHeaders = noHeaders
        self.quiet = quiet
        self.colour = colour
        self.terminal = terminal
        self.width = width
        self.now = now
    }

    /// Colour only ever reaches a terminal, whatever was asked for.
    var usesColour: Bool { colour && terminal }
}
