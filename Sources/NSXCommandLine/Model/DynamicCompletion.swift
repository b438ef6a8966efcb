/// Values a shell can learn only by asking the program while the user types: live IDs and
/// names, stored profiles, permissions in a comma list. An option or argument marked with
/// one (`.completing(.servers)`) makes the completion scripts run
///
///     <program> __complete <source> -- <word being completed> <words typed before it>…
///
/// and offer what it prints: one value per line, optionally followed by a tab and a
/// description. Printing nothing offers nothing; the program must never prompt.
public struct DynamicCompletion: Sendable, Hashable {
    /// What to complete, as the program's `__complete` command names it (`servers`).
    public var source: String

    public init(_ source: String) {
        self.source = source
    }

    /// The hidden command the scripts call.
    public static let command = "__complete"
}
