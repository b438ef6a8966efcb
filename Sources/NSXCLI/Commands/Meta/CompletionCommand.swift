import NSXCommandLine

/// `nsx completion bash|zsh|fish`: the completion script on stdout.
enum CompletionCommand {
    static let shell: WordArgument = .word("SHELL", choices: Shell.allCases.map(\.rawValue))

    static func run(_ invocation: Invocation) throws(CLIError) {
        let word = invocation.parsed[Self.shell]
        guard let shell = Shell(rawValue: word) else {
            throw .usage("unknown shell \"\(word)\"", hint: "Use one of: \(Shell.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        invocation.streams.out.write(Docs.completion(shell))
    }
}
