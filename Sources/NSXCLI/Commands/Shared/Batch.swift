import NSXJSON
import NSXOutput

/// Several IDs in one call act on each in turn, one result each; the exit code is that
/// of the first failure (CLI.md). One ID prints its result as a single object.
struct Batch {
    let invocation: Invocation
    /// `Deleted server`, `Started instance`: the words of a success line in table output.
    let pastTense: String
    let columns: [Column]
    let fields: [String]

    /// Runs `act` for every word and prints the results. `act` returns the object to print.
    func run(_ words: [String], _ act: (String) throws(CLIError) -> JSONValue) throws(CLIError) {
        let printer = invocation.printer
        try printer.validateFields(fields)
        if words.count == 1 {
            let result = try act(words[0])
            try show(result, printer: printer)
            return
        }
        var results: [JSONValue] = []
        var firstFailure: ExitCode?
        var failures = 0
        let machine = invocation.globals.output != .table || invocation.globals.quiet
        for word in words {
            do {
                let result = try act(word)
                results.append(result)
                if !machine { successLine(result, word: word, printer: printer) }
            } catch {
                let presentation = ErrorPresenter.present(error)
                failures += 1
                if firstFailure == nil { firstFailure = presentation.exitCode }
                let errorObject = presentation.json["error"] ?? .object(JSONObject())
                results.append(.object(JSONObject([("id", .string(word)), ("error", errorObject)])))
                if !machine {
                    invocation.streams.warn("\(printer.noteStyle.crossMark) \(terminalSafe(word)): \(terminalSafe(presentation.message))")
                }
            }
        }
        if machine {
            let writer = ListWriter(options: printer.options, columns: columns, sink: invocation.streams.out)
            writer.write(results)
            writer.finish()
        }
        if let firstFailure { throw .batchFailed(first: firstFailure, failures: failures, total: words.count) }
    }

    private func show(_ result: JSONValue, printer: Printer) throws(CLIError) {
        if invocation.globals.output == .table && !invocation.globals.quiet {
            successLine(result, word: nil, printer: printer)
        } else {
            try printer.object(result, columns: columns, fields: fields)
        }
    }

    private func successLine(_ result: JSONValue, word: String?, printer: Printer) {
        let id = result["id"]?.stringValue ?? word ?? ""
        let name = result["name"]?.stringValue
        let label = name.map { "\(terminalSafe($0)) (\(id))" } ?? id
        let status = result["status"]?.stringValue.map { ": \(printer.noteStyle.status($0))" } ?? ""
        invocation.streams.print("\(printer.noteStyle.checkMark) \(pastTense) \(label)\(status)")
    }
}
