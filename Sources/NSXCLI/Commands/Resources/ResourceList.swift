import NSXCommandLine
import NSXJSON
import NSXOutput

/// `<noun> list`: filters to query parameters, then pages streamed to the output as they
/// arrive (`APIClient.forEachPage` + `ListWriter`), so the first rows appear before the last
/// page is fetched and memory stays flat with `--all -o ndjson`.
struct ResourceList: Sendable {
    let view: ResourceView
    let filters: [ListFilter]

    /// `<noun> list` with these filters, `--limit` and `--all`. Resolving a name given to a
    /// reference filter (`--server web-1`) needs that resource's read permission too.
    func command(examples: [Example]) -> NSXCommand {
        var permissions = [view.kind.permission("read")]
        for case .reference(_, _, let kind) in filters { permissions.append(kind.permission("read")) }
        return NSXCommand("list", aliases: ["ls"], summary: "List \(view.kind.plural)",
                          options: filters.map(\.key) + [.limit, .allPages],
                          examples: examples, permissions: permissions,
                          action: CommandRunner(parse: { invocation throws(CLIError) in try Options(invocation, list: self) },
                                                run: Self.run))
    }

    /// How the list reads for people; by default the view's columns and the API's objects.
    struct Presentation {
        var columns: [Column]
        /// Each row as a person sees it (tables only; scripts get the API's objects).
        var row: (JSONValue) -> JSONValue = { $0 }
        /// Said after "No tokens found" when nothing narrowed the list.
        var emptyHint = ""
    }

    struct Options {
        var list: ResourceList
        var extent: ListExtent
        /// Filter values as given, in the filters' order.
        var given: [(filter: ListFilter, value: String)]
        /// Whether the words given leave items out ("No servers found matching the filters").
        var narrowed: Bool
        var resources: ResourceAccess
        /// Asked once connected (tokens ask the API which token is in use).
        var presentation: (ResourceContext) throws(CLIError) -> Presentation
        /// Filters that follow from the credential rather than the words, asked once connected
        /// (tokens in the test environment list test tokens).
        var impliedFilters: (ResourceContext) -> [(filter: ListFilter, value: String)] = { _ in [] }

        init(_ invocation: Invocation, list: ResourceList) throws(CLIError) {
            self.list = list
            var given: [(ListFilter, String)] = []
            for filter in list.filters {
                if let value = try filter.given(in: invocation.parsed) { given.append((filter, value)) }
            }
            self.given = given
            narrowed = given.contains { $0.0.narrows }
            extent = try ListExtentOption.parse(invocation.parsed)
            resources = ResourceAccess(invocation)
            presentation = { context in Presentation(columns: context.view.columns) }
        }
    }

    static func run(_ options: Options) throws(CLIError) {
        let view = options.list.view
        let context = try options.resources.connect(view, reading: .onceConnected)
        var query: [(String, String)] = []
        for (filter, value) in options.impliedFilters(context) + options.given {
            switch filter {
            case .exact(_, let param), .flag(_, let param): query.append((param, value))
            case .reference(_, let param, let kind): query.append((param, try context.id(value, kind: kind)))
            }
        }
        let shown = try options.presentation(context)
        let printer = context.printer
        let writer = try printer.list(columns: shown.columns, fields: view.fields)
        let more = try context.client.forEachPage(view.kind.path, query: query, extent: options.extent) { (page: [JSONValue]) throws(CLIError) in
            writer.write(printer.isForPeople ? page.map(shown.row) : page)
        }
        writer.finish()
        note(printer, kind: view.kind, count: writer.count, more: more, extent: options.extent,
             empty: options.narrowed ? " matching the filters" : shown.emptyHint)
    }

    /// "No servers found" / "Showing the first 20 servers; more exist" for people, on stderr.
    private static func note(_ printer: Printer, kind: ResourceKind, count: Int, more: Bool, extent: ListExtent, empty: String) {
        guard !printer.quiet else { return }
        if count == 0, printer.isForPeople {
            printer.streams.warn("No \(kind.plural) found\(empty).")
        } else if more, extent != .all, printer.streams.stderrIsTerminal {
            printer.streams.warn("Showing the first \(count) \(kind.plural); more exist (use --all, or a larger --limit)")
        }
    }
}
