import NSXJSON
import NSXOutput

/// Several IDs in one call act on each in turn, one result each; the exit code is that
/// of the first failure. One ID prints its result as a single object.
struct Batch {
    let printer: Printer
    /// `Deleted server`, `Started instance`: the words of a success line in table output.
    let pastTense: String
    let columns: [Column]
    let fields: [String]

    /// Runs `act` for every word and prints the results. `act` returns the object to print.
    func run(_ words: [String], _ act: (String) throws(CLIError) -> JSONValue) throws(CLIError) {
        try printer.validateFields(fields)
        if words.count == 1 {
            let result = try act(words[0])
            try show(result)
            return
        }
        let streams = printer.streams
        var results: [JSONValue] = []
        var firstFailure: ExitCode?
        var failures = 0
        for word in words {
            do {
                let result = try act(word)
                results.append(result)
                if printer.isForPeople { successLine(result, word: word) }
            } catch {
                let presentation = ErrorPresenter.present(error)
                failures += 1
                if firstFailure == nil { firstFailure = presentation.exitCode }
                let errorObject = presentation.json["error"] ?? .object(JSONObject())
                results.append(.object(JSONObject([("id", .string(word)), ("error", errorObject)])))
                if printer.isForPeople {
                    streams.warn((StyledText.mark("✗", .red) + StyledText(" \(word): \(presentation.message)")).rendered(streams.errStyle))
                }
            }
        }
        if !printer.isForPeople {
            let writer = ListWriter(options: printer.options, columns: columns, sink: streams.out)
            writer.write(results)
            writer.finish()
        }
        if let firstFailure { throw .batchFailed(first: firstFailure, failures: failures, total: words.count) }
    }

    private func show(_ result: JSONValue) throws(CLIError) {
        if printer.isForPeople {
            successLine(result, word: nil)
        } else {
            try printer.object(result, columns: columns, fields: fields)
        }
    }

    /// `✓ Started instance web-1 (ins_…): running` on stdout.
    private func successLine(_ result: JSONValue, word: String?) {
        let id = result["id"]?.stringValue ?? word ?? ""
        let label = result["name"]?.stringValue.map { "\($0) (\(id))" } ?? id
        var line = StyledText.mark("✓", .green) + StyledText(" \(pastTense) \(label)")
        if let status = result["status"]?.stringValue { line = line + StyledText(": ") + StyledText(status, .status) }
        printer.streams.print(line.rendered(printer.streams.outStyle))
    }
}
