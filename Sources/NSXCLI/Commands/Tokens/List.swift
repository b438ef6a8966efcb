import NSXCommandLine
import NSXJSON

/// `nsx tokens list [--env live|test] [--include-revoked] [--all | --limit N]`.
///
/// Under `--test` (or `NSX_ENV=test`) only test tokens are listed unless `--env` says
/// otherwise. On a terminal the token nsx itself is using is marked with `*`.
enum ListTokens {
    struct Options: Equatable {
        var environment: String?
        var includeRevoked: Bool
        var extent: ListExtent
    }

    static func parse(_ invocation: Invocation) throws(CLIError) -> Options {
        let parsed = invocation.parsed
        return Options(environment: parsed[.tokenEnvironment] ?? (invocation.globals.testEnvironment ? "test" : nil),
                       includeRevoked: parsed[.includeRevoked],
                       extent: try ListExtentOption.parse(parsed))
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try parse(invocation)
        let context = try ResourceContext(invocation, view: .token)
        var query: [(String, String)] = []
        if let environment = options.environment { query.append(("environment", environment)) }
        if options.includeRevoked { query.append(("include_revoked", "true")) }

        let globals = invocation.globals
        let forPeople = globals.output == .table && !globals.quiet
        let marking = forPeople && invocation.streams.stdoutIsTerminal && globals.fields == nil
        let inUse = marking ? CurrentCredential.describe(context.client, needs: [.tokenID])?.tokenID : nil
        let columns = TokenTable.columns(includeRevoked: options.includeRevoked, marking: inUse != nil)

        let writer = try context.printer.list(columns: columns, fields: ResourceView.token.fields)
        let more = try context.client.forEachPage(ResourceKind.token.path, query: query, extent: options.extent) { (page: [JSONValue]) throws(CLIError) in
            writer.write(forPeople ? page.map { TokenTable.row($0, inUse: inUse) } : page)
        }
        writer.finish()

        guard !globals.quiet else { return }
        if writer.count == 0, globals.output == .table {
            invocation.streams.warn("No tokens found\(options.includeRevoked ? "" : " (revoked tokens are left out; --include-revoked shows them)").")
        } else if more, options.extent == .firstPage, invocation.streams.stderrIsTerminal {
            invocation.streams.warn("Showing \(writer.count) of many; use --all or --limit")
        }
    }
}

extension OptionKey where Self == ValueOption {
    static var tokenEnvironment: Self { .value("env", .choice(["live", "test"]), valueName: "env", help: "Only tokens of this environment") }
}

extension OptionKey where Self == FlagOption {
    static var includeRevoked: Self { .flag("include-revoked", help: "Include revoked tokens") }
}
