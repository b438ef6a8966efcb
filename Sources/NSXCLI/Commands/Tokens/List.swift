import NSXCommandLine
import NSXJSON

/// `nsx tokens list [--env live|test] [--include-revoked] [--all | --limit N]`: the resource
/// list, with rows that read well in a table.
///
/// Under `--test` (or `NSX_ENV=test`) only test tokens are listed unless `--env` says
/// otherwise. On a terminal the token nsx itself is using is marked with `*`.
enum ListTokens {
    static let list = ResourceList(view: .token, filters: [
        .exact(.tokenEnvironment, param: "environment"), .flag(.includeRevoked, param: "include_revoked"),
    ])

    static func run(_ invocation: Invocation) throws(CLIError) {
        var options = try list.options(invocation)
        if invocation.globals.testEnvironment, !options.given.contains(where: { $0.filter.key.option.long == "env" }) {
            options.given.insert((list.filters[0], "test"), at: 0)
        }
        let includeRevoked = invocation.parsed[.includeRevoked]
        try list.run(options, invocation: invocation) { context throws(CLIError) in
            let printer = context.printer
            let marking = printer.showsOwnView && invocation.streams.stdoutIsTerminal
            let inUse = marking ? CurrentCredential.describe(context.client, needs: [.tokenID])?.tokenID : nil
            return ResourceList.Presentation(
                columns: TokenTable.columns(includeRevoked: includeRevoked, marking: inUse != nil),
                row: { TokenTable.row($0, inUse: inUse) },
                emptyHint: includeRevoked ? "" : " (revoked tokens are left out; --include-revoked shows them)")
        }
    }
}

extension OptionKey where Self == ValueOption {
    static var tokenEnvironment: Self { .value("env", .choice(["live", "test"]), valueName: "env", help: "Only tokens of this environment") }
}

extension OptionKey where Self == FlagOption {
    static var includeRevoked: Self { .flag("include-revoked", help: "Include revoked tokens") }
}
