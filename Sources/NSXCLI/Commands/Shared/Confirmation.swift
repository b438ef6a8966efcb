/// Destructive commands ask first on a terminal; without one they need --yes (CLI.md).
enum Confirmation {
    static func require(_ question: String, action: String, invocation: Invocation) throws(CLIError) {
        if invocation.globals.assumeYes { return }
        guard invocation.streams.canPrompt else { throw .confirmationRequired(action: action) }
        guard invocation.streams.confirm(question) else { throw .declined }
    }
}
