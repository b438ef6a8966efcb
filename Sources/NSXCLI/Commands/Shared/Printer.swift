import NSXJSON
import NSXOutput

/// Writes results to stdout through the one renderer, honouring -o, --fields, -q and
/// --no-headers. Messages for people go to stderr through `note`.
struct Printer {
    let factory: Factory

    var options: OutputOptions { factory.outputOptions() }

    /// One object (`get`, `create`, `update`, an action's final state).
    func object(_ value: JSONValue, columns: [Column], fields available: [String]) throws(CLIError) {
        try validateFields(available)
        renderObject(value, columns: columns, options: options, sink: factory.streams.out)
    }

    /// A streaming list writer; call `write` per page and `finish` at the end.
    func list(columns: [Column], fields available: [String]) throws(CLIError) -> ListWriter {
        try validateFields(available)
        return ListWriter(options: options, columns: columns, sink: factory.streams.out)
    }

    func validateFields(_ available: [String]) throws(CLIError) {
        guard let fields = factory.globals.fields else { return }
        do {
            try NSXOutput.validateFields(fields, available: available)
        } catch {
            throw .output(error)
        }
    }

    /// A line for people on stderr (✓ Created …); silent with -q.
    func note(_ text: String) {
        guard !factory.globals.quiet else { return }
        factory.streams.warn(text)
    }

    var style: Style { Style(enabled: factory.globals.colour && factory.streams.stderrIsTerminal) }
}
