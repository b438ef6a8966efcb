import NSXCommandLine

/// `nsx completion bash|zsh|fish`: the completion script on stdout.
enum Completion: Verb {
    static let shell: WordArgument = .word("SHELL", choices: Shell.allCases.map(\.rawValue))

    static let spec = NSXCommand(
        "completion",
        summary: "Print a shell completion script",
        discussion: """
            bash: source <(nsx completion bash)
            zsh:  nsx completion zsh > "${fpath[1]}/_nsx"
            fish: nsx completion fish > ~/.config/fish/completions/nsx.fish
            """,
        arguments: [shell], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Shell {
        let word = parsed[Completion.shell]
        guard let shell = Shell(rawValue: word) else {
            throw .usage("unknown shell \"\(word)\"", hint: "Use one of: \(Shell.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return shell
    }

    static func run(_ shell: Shell, _ streams: IOStreams) throws(CLIError) {
        streams.out.write(Docs.completion(shell))
    }
}
