import NSXJSON

/// Writes one result (`get`, `create`, `update`, an action's final state): a table is an
/// aligned `key: value` list, JSON is the object itself (pretty), NDJSON one line, CSV a
/// header and one row, YAML a mapping, and `-q` just its `id`. `--fields` keeps only the
/// named key paths, in order.
public func renderObject(_ value: JSONValue, columns: [Column], options: OutputOptions, sink: TextSink) {
    let selected = projected(value, fields: options.fields)
    if options.quiet {
        if let id = value["id"], !id.isNull {
            let text = CellText.inline(id)
            sink.write((options.terminal ? terminalSafe(text) : text) + "\n")
        }
        return
    }
    switch options.format {
    case .json:
        sink.write(selected.serialized(pretty: true, terminalSafe: options.terminal) + "\n")
    case .ndjson:
        sink.write(selected.serialized(terminalSafe: options.terminal) + "\n")
    case .yaml:
        sink.write(YAMLEmitter.document(selected))
    case .csv:
        let writer = ListWriter(options: options, columns: columns, sink: sink)
        writer.write(value)
        writer.finish()
    case .table:
        sink.write(DetailRenderer(columns: columns, options: options).render(selected))
    }
}
