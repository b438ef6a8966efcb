/// Destructive commands ask first on a terminal; without one they need --yes (exit 2 otherwise).
struct Confirmation {
    /// `--yes`.
    let assumeYes: Bool
    let streams: IOStreams

    init(assumeYes: Bool, streams: IOStreams) {
        self.assumeYes = assumeYes
        self.streams = streams
    }

    init(_ invocation: Invocation) {
        self.init(assumeYes: invocation.globals.assumeYes, streams: invocation.streams)
    }

    /// Without --yes and without a terminal nothing can be confirmed: say so before
    /// anything is looked up or changed.
    func checkPossible(action: String) throws(CLIError) {
        if !assumeYes && !streams.canPrompt { throw .confirmationRequired(action: action) }
    }

    /// Asks `question` (or passes with --yes); no is `declined`.
    func require(_ question: String, action: String) throws(CLIError) {
        if assumeYes { return }
        try checkPossible(action: action)
        guard streams.confirm(question) else { throw .declined }
    }
}
