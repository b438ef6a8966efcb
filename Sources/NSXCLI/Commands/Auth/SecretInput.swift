/// Reads a password or token the way `login` takes them: typed at a hidden prompt on a
/// terminal, or piped on standard input. Never from argv.
enum SecretInput {
    /// All of standard input minus one trailing newline (`\n` or `\r\n`), so that
    /// `echo "$PASSWORD" |` and `printf %s "$PASSWORD" |` both work.
    static func fromStdin(_ streams: IOStreams, what: String) throws(CLIError) -> String {
        guard let bytes = streams.readAllInput() else {
            throw .io("cannot read the \(what) from standard input")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        // "\r\n" is a single Character in Swift, so removeLast drops either ending whole.
        if text.hasSuffix("\r\n") || text.hasSuffix("\n") { text.removeLast() }
        guard !text.isEmpty else {
            throw .usage("standard input is empty; expected the \(what)")
        }
        return text
    }

    /// A hidden prompt on the terminal (no echo).
    static func prompted(_ streams: IOStreams, question: String, what: String) throws(CLIError) -> String {
        guard let answer = streams.prompt(question, hidden: true) else {
            throw .usage("no \(what) was entered")
        }
        guard !answer.isEmpty else { throw .usage("the \(what) is empty") }
        return answer
    }

    /// Typed at a hidden prompt when stdin is a terminal a person can answer on; piped otherwise.
    static func read(_ streams: IOStreams, question: String, what: String) throws(CLIError) -> String {
        if streams.stdinIsTerminal && streams.canPrompt {
            return try prompted(streams, question: question, what: what)
        }
        return try fromStdin(streams, what: what)
    }
}
