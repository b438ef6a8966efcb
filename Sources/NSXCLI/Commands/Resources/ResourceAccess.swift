import NSXCommandLine
import NSXHTTP

/// What a resource verb's run is handed (cli/cli's narrow options): where results go, the
/// API (not reached until `connect`), confirmation, and how to pause while waiting.
struct ResourceAccess {
    let printer: Printer
    let api: APIAccess
    let confirmation: Confirmation
    let sleeper: Sleeper

    init(_ invocation: Invocation) {
        printer = invocation.printer
        api = invocation.api
        confirmation = Confirmation(invocation)
        sleeper = invocation.factory.dependencies.sleeper
    }

    /// Checks `--fields` first (against the resource's keys, or `fields` when the command
    /// prints something else, like a delete's `{"id", "deleted"}`), so a typo fails before
    /// any request; then connects, renewing a session in its last hour. `reading` says when
    /// a credential still being read is waited for (`APIAccess.Reading`).
    func connect(_ view: ResourceView, fields: [String]? = nil,
                 reading: APIAccess.Reading = .now) throws(CLIError) -> ResourceContext {
        try printer.validateFields(fields ?? view.fields)
        return ResourceContext(view: view, client: try api.client(.renewIfDue, reading: reading), printer: printer, sleeper: sleeper)
    }
}

extension CommandRunner {
    /// A verb shared by every resource that lists it (get, delete, the actions): the words it
    /// reads, then its run with the resource it acts on and what resource verbs use.
    static func resource<Words>(_ view: ResourceView,
                                words: @escaping @Sendable (ParsedCommand<CommandRunner>) throws(CLIError) -> Words,
                                run: @escaping @Sendable (ResourceView, Words, ResourceAccess) throws(CLIError) -> Void) -> CommandRunner {
        CommandRunner(parse: { invocation throws(CLIError) in (try words(invocation.parsed), ResourceAccess(invocation)) },
                      run: { options throws(CLIError) in try run(view, options.0, options.1) })
    }
}
