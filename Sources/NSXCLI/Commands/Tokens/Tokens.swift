import NSXCommandLine

/// `nsx tokens …`: scoped API tokens (Settings → API Keys).
enum Tokens {
    static let spec = NSXCommand(
        "tokens",
        summary: "Create, list, show, revoke, rotate, audit and scan for API tokens",
        subcommands: [TokensList.spec, TokensCreate.spec, TokensShow.spec, TokensRevoke.spec, TokensRotate.spec, TokensAudit.spec, TokensScan.spec]
    )
}
