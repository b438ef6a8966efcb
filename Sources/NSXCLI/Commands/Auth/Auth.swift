import NSXCommandLine

/// `nsx auth …`: the credential nsx uses (`login` and `logout` stand at the top level).
enum Auth {
    static let spec = NSXCommand(
        "auth",
        summary: "See and manage the credential nsx uses",
        subcommands: [AuthStatus.spec, AuthToken.spec, AuthRefresh.spec, AuthList.spec, AuthSwitch.spec]
    )
}
