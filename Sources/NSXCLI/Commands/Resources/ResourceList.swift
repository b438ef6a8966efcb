import NSXCommandLine
import NSXJSON
import NSXOutput

/// `<noun> list`: filters to query parameters, then pages streamed to the output as they
/// arrive (`APIClient.forEachPage` + `ListWriter`), so the first rows appear before the last
/// page is fetched and memory stays flat with `--all -o ndjson`.
struct ResourceList {
    let view: ResourceView
    let filters: [ListFilter]

    /// How the list reads for people; by default the view's columns and the API's objects.
    struct Presentation {
        var columns: [Column]
        /// Each row as a person sees it (tables only; scripts get the API's objects).
        var row: (JSONValue) -> JSONValue = { $0 }
        /// Said after "No tokens found" when nothing narrowed the list.
        var emptyHint = ""
    }

    struct Options {
        var extent: ListExtent
        /// Filter values as given, in the filters' order.
        var given: [(filter: ListFilter, value: String)]
        /// Whether the words given leave items out ("No servers found matching the filters").
        var narrowed: Bool
    }

    func options(_ invocation: Invocation) throws(CLIError) -> Options {
        var given: [(ListFilter, String)] = []
        for filter in filters {
            if let value = try filter.given(in: invocation.parsed) { given.append((filter, value)) }
        }
        return Options(extent: try ListExtentOption.parse(invocation.parsed), given: given,
                       narrowed: given.contains { $0.0.narrows })
    }

    func run(_ invocation: Invocation) throws(CLIError) {
        try run(options(invocation), invocation: invocation) { _ in Presentation(columns: view.columns) }
    }

    /// Lists with `presentation`, which may ask the API (through the connected context) first.
    func run(_ options: Options, invocation: Invocation,
             presentation: (ResourceContext) throws(CLIError) -> Presentation) throws(CLIError) {
        let context = try ResourceContext(invocation, view: view)
        var query: [(String, String)] = []
        for (filter, value) in options.given {
            switch filter {
            case .exact(_, let param), .flag(_, let param): query.append((param, value))
            case .reference(_, let param, let kind): query.append((param, try context.id(value, kind: kind)))
            }
        }
        let shown = try presentation(context)
        let printer = context.printer
        let writer = try printer.list(columns: shown.columns, fields: view.fields)
        let more = try context.client.forEachPage(view.kind.path, query: query, extent: options.extent) { (page: [JSONValue]) throws(CLIError) in
            writer.write(printer.isForPeople ? page.map(shown.row) : page)
        }
        writer.finish()
        note(printer, streams: invocation.streams, count: writer.count, more: more, extent: options.extent,
             empty: options.narrowed ? " matching the filters" : shown.emptyHint)
    }

    /// "No servers found" / "Showing the first 20 servers; more exist" for people, on stderr.
    private func note(_ printer: Printer, streams: IOStreams, count: Int, more: Bool, extent: ListExtent, empty: String) {
        guard !printer.quiet else { return }
        if count == 0, printer.isForPeople {
            streams.warn("No \(view.kind.plural) found\(empty).")
        } else if more, extent != .all, streams.stderrIsTerminal {
            streams.warn("Showing the first \(count) \(view.kind.plural); more exist (use --all, or a larger --limit)")
        }
    }
}
