import NSXCommandLine
import NSXJSON
import NSXOutput

/// One list filter: an option copied into a query parameter, or an option naming another
/// resource (by ID or name) whose ID becomes the parameter (`--server web-1` → `server_id`).
enum ListFilter {
    case exact(ValueOption, param: String)
    case reference(ValueOption, param: String, kind: ResourceKind)

    /// The option and the query parameter share a name: `--region` → `region`.
    static func exact(_ key: ValueOption) -> ListFilter { .exact(key, param: key.option.long) }

    var key: ValueOption {
        switch self {
        case .exact(let key, _), .reference(let key, _, _): key
        }
    }
}

/// `<noun> list`: filters to query parameters, then pages streamed to the output as they
/// arrive (`APIClient.forEachPage` + `ListWriter`), so the first rows appear before the last
/// page is fetched and memory stays flat with `--all -o ndjson`.
struct ResourceList {
    let view: ResourceView
    let filters: [ListFilter]

    struct Options {
        var extent: ListExtent
        /// Filter option values as given, in the filters' order.
        var given: [(filter: ListFilter, value: String)]
    }

    func options(_ invocation: Invocation) throws(CLIError) -> Options {
        let parsed = invocation.parsed
        var given: [(ListFilter, String)] = []
        for filter in filters {
            if let value = parsed[filter.key] {
                guard !value.isEmpty else { throw .usage("--\(filter.key.option.long) needs a value") }
                given.append((filter, value))
            }
        }
        return Options(extent: try ListExtentOption.parse(parsed), given: given)
    }

    func run(_ invocation: Invocation) throws(CLIError) {
        let options = try options(invocation)
        let context = try ResourceContext(invocation, view: view)
        var query: [(String, String)] = []
        for (filter, value) in options.given {
            switch filter {
            case .exact(_, let param): query.append((param, value))
            case .reference(_, let param, let kind): query.append((param, try context.id(value, kind: kind)))
            }
        }
        let writer = try context.printer.list(columns: view.columns, fields: view.fields)
        let more = try context.client.forEachPage(view.kind.path, query: query, extent: options.extent) { (page: [JSONValue]) throws(CLIError) in
            writer.write(page)
        }
        writer.finish()
        note(invocation, count: writer.count, more: more, extent: options.extent, filtered: !query.isEmpty)
    }

    /// "No servers found" / "Showing 20 of many" for people, on stderr.
    private func note(_ invocation: Invocation, count: Int, more: Bool, extent: ListExtent, filtered: Bool) {
        let globals = invocation.globals
        guard !globals.quiet else { return }
        if count == 0, globals.output == .table {
            invocation.streams.warn("No \(view.kind.plural) found\(filtered ? " matching the filters" : "").")
        } else if more, extent != .all, invocation.streams.stderrIsTerminal {
            invocation.streams.warn("Showing the first \(count) \(view.kind.plural); more exist (use --all, or a larger --limit)")
        }
    }
}
