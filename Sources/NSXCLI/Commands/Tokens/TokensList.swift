import NSXCommandLine
import NSXJSON

/// `nsx tokens list [--env live|test] [--name N] [--include-revoked] [--all | --limit N]`: the resource
/// list, with rows that read well in a table.
///
/// In the test environment (`--test`, `NSX_ENV=test`, or a profile logged in for test) only
/// test tokens are listed unless `--env` says otherwise. On a terminal the token nsx itself is
/// using is marked with `*`.
enum TokensList {
    static let spec = NSXCommand(
        "list", aliases: ["ls"], summary: "List API tokens",
        discussion: """
            Permissions are shown compactly (servers:rw instances:r+actions; the JSON
            has the full list). On a terminal, * marks the token nsx is using. In the test
            environment (--test, or a profile logged in with --test) only test tokens are
            listed, unless --env says otherwise.
            """,
        options: [.tokenEnvironment, .nameFilter, .includeRevoked, .allPages, .limit],
        examples: [
            Example("nsx tokens list"),
            Example("nsx tokens list --name ci --include-revoked"),
            Example("nsx tokens list --env test --include-revoked -o json"),
            Example("nsx tokens list --all -o json | jq -r '.[] | select(.last_used_at == null) | .id'",
                    summary: "IDs of tokens never used"),
        ],
        permissions: ["settings:read"],
        action: CommandRunner(parse: options, run: ResourceList.run))

    static let list = ResourceList(view: .token, filters: [
        .exact(.tokenEnvironment, param: "environment"), .flag(.includeRevoked, param: "include_revoked"), .exact(.nameFilter),
    ])

    /// The list's options: in the test environment only test tokens unless `--env` says
    /// otherwise, and rows presented for people as `TokenTable` has them.
    static func options(_ invocation: Invocation) throws(CLIError) -> ResourceList.Options {
        var options = try ResourceList.Options(invocation, list: list)
        if invocation.parsed[.tokenEnvironment] == nil {
            options.impliedFilters = { context in (try? context.client.environment) == .test ? [(list.filters[0], "test")] : [] }
        }
        let includeRevoked = invocation.parsed[.includeRevoked]
        options.presentation = { context throws(CLIError) in
            let printer = context.printer
            let marking = printer.showsOwnView && printer.streams.stdoutIsTerminal
            let inUse = marking ? CurrentCredential.describe(context.client, needs: [.tokenID])?.tokenID : nil
            return ResourceList.Presentation(
                columns: TokenTable.columns(includeRevoked: includeRevoked, marking: inUse != nil),
                row: { TokenTable.row($0, inUse: inUse) },
                emptyHint: includeRevoked ? "" : " (revoked tokens are left out; --include-revoked shows them)")
        }
        return options
    }
}

extension OptionKey where Self == ValueOption {
    static var tokenEnvironment: Self { .value("env", .choice(["live", "test"]), valueName: "env", help: "Only tokens of this environment") }
}

extension OptionKey where Self == FlagOption {
    static var includeRevoked: Self { .flag("include-revoked", help: "Include revoked tokens") }
}
