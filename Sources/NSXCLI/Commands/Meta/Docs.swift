import NSXCommandLine

/// The generated documents — shell completions and the manual — rendered from the one
/// command tree. `nsx completion`, `nsx man` and `scripts/generate-docs` use these, and a
/// unit test holds the committed copies in completions/ and man/ to them.
public enum Docs {
    /// The date in the man page footer: this version's release date (change with NSXVersion).
    static let releaseDate = "2025-06-01"

    /// Where each generated file lives in the repository, and its contents now.
    public static var files: [(path: String, contents: String)] {
        [
            ("completions/nsx.bash", completion(.bash)),
            ("completions/_nsx", completion(.zsh)),
            ("completions/nsx.fish", completion(.fish)),
        ] + manPages().map { ("man/" + $0.name, $0.contents) }
    }

    public static func completion(_ shell: Shell) -> String {
        CompletionRenderer(root: CommandTree.root).render(shell)
    }

    /// Every page of the manual: `nsx.1`, then one per command (`nsx-servers-create.1`).
    public static func manPages() -> [(name: String, contents: String)] {
        manual.pages()
    }

    /// The program's page, nsx(1).
    public static func manPage() -> String { manual.render() }

    static var manual: ManPageRenderer<CommandRunner> {
        ManPageRenderer(root: CommandTree.root, date: releaseDate, source: "nsx \(NSXVersion.current)",
                        environment: extraEnvironment, exitStatus: exitStatus, files: ManualText.files,
                        security: ManualText.security, seeAlso: ["jq(1)"],
                        permissionDocs: ManualText.permissions)
    }

    /// Variables no option documents already (the renderer lists those of options itself).
    static var extraEnvironment: [ManPageEntry] {
        let fromOptions = Set(CommandTree.root.options.compactMap { option in
            option.environment.map { String($0.prefix { $0 != "=" }) }
        })
        return EnvironmentVariable.allCases.filter { !fromOptions.contains($0.rawValue) }
            .map { ManPageEntry($0.rawValue, capitalised($0.meaning) + ".") }
    }

    static var exitStatus: [ManPageEntry] {
        ExitCode.allCases.map { ManPageEntry(String($0.rawValue), capitalised($0.meaning) + ".") }
    }

    private static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
