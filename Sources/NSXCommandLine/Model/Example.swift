/// A sample invocation shown in help and the man page.
public struct Example: Sendable, Equatable {
    /// The command line as typed, program name included: `nsx servers list --region fsn1`.
    public var command: String
    /// What the example does, shown as a comment above it.
    public var summary: String?

    public init(_ command: String, summary: String? = nil) {
        self.command = command
        self.summary = summary
    }
}
