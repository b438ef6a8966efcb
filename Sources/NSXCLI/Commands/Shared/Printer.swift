import NSXJSON
import NSXOutput
import NSXTime

/// Writes results to stdout through the one renderer, honouring -o, --fields, -q and
/// --no-headers, and makes the one decision of whether output is laid out for people.
/// Messages for people go to stderr through `note`.
struct Printer {
    let streams: IOStreams
    let format: OutputFormat
    /// `--fields`: the keys asked for, in order; nil for each view's defaults.
    let fields: [String]?
    let noHeaders: Bool
    let quiet: Bool
    let clock: WallClock
    /// Commands named in messages carry the profile in use (`CommandSuggestions`).
    let suggestions: CommandSuggestions

    /// Output for people: a table without -q. They get notes, ✓ lines, frames and blocks;
    /// anything else is data for scripts, exactly as the API answered.
    var isForPeople: Bool { format == .table && !quiet }

    /// For people, and showing a command's own view (status block, marked rows) rather than
    /// the columns `--fields` picked.
    var showsOwnView: Bool { isForPeople && fields == nil }

    var options: OutputOptions {
        OutputOptions(format: format, fields: fields, noHeaders: noHeaders, quiet: quiet,
                      colour: streams.outStyle.enabled, terminal: streams.stdoutIsTerminal,
                      width: streams.stdoutIsTerminal ? streams.terminalWidth : Int.max, now: clock.now())
    }

    /// One object (`get`, `create`, `update`, an action's final state).
    func object(_ value: JSONValue, columns: [Column], fields available: [String]) throws(CLIError) {
        try validateFields(available)
        renderObject(value, columns: columns, options: options, sink: streams.out)
    }

    /// A streaming list writer; call `write` per page and `finish` at the end.
    func list(columns: [Column], fields available: [String]) throws(CLIError) -> ListWriter {
        try validateFields(available)
        return ListWriter(options: options, columns: columns, sink: streams.out)
    }

    /// A labelled block for people on stdout (`auth status`, `doctor`).
    func block(_ block: DetailBlock) {
        streams.out.write(block.render(streams.outStyle))
    }

    func validateFields(_ available: [String]) throws(CLIError) {
        guard let fields else { return }
        do {
            try NSXOutput.validateFields(fields, available: available)
        } catch {
            throw .output(error)
        }
    }

    /// A line for people on stderr (✓ Created …); silent with -q.
    func note(_ text: String) {
        guard !quiet else { return }
        streams.warn(text)
    }

    /// `✓ Updated settings` on stderr for people; silent with -q.
    func noteDone(_ text: String) {
        note((StyledText.mark("✓", .green) + StyledText(" " + text)).rendered(noteStyle))
    }

    /// `warning: …` on stderr, -q or not.
    func warn(_ text: String) {
        streams.warn((StyledText("warning:", .yellow) + StyledText(" " + text)).rendered(noteStyle))
    }

    /// Styling for notes and other lines on stderr.
    var noteStyle: Style { streams.errStyle }
}
