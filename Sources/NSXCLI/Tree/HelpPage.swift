import NSXCommandLine

/// Help pages, rendered from the one command tree.
enum HelpPage {
    static let learnMore = [
        "Read the manual with \"man nsx\"; exit codes: \"nsx help exit-codes\"; environment: \"nsx help environment\".",
        "Output and jq: \"nsx help formatting\"; token permissions: \"nsx help permissions\".",
    ]

    static func render(path: [String], streams: IOStreams) -> String {
        let width = streams.stdoutIsTerminal ? min(streams.terminalWidth, 100) : 80
        let renderer = HelpRenderer(root: CommandTree.root, width: width, learnMore: learnMore,
                                    permissionDocs: ManualText.permissions)
        let text = renderer.render(path: path) ?? renderer.render(path: [])!
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
