import NSXJSON
import NSXOutput

/// Several IDs in one call act on each in turn, one result each; the exit code is that
/// of the first failure. One ID prints its result as a single object. People get a ✓ or ✗
/// line per item on stderr; stdout carries only data (the objects, for scripts). A `--wait`
/// that gave up still prints the object as last seen.
struct Batch {
    /// One item done: its object, and — when "✓ Started instance web-1" would not be true —
    /// the words for people instead ("Instance web-1 (ins_…) is already running").
    struct Done {
        var object: JSONValue
        var saying: String?
    }

    let printer: Printer
    /// `Deleted server`, `Started instance`: the words of a success line for people.
    let pastTense: String
    let columns: [Column]
    let fields: [String]

    /// Runs `act` for every word in turn and prints the results. `act` returns the object to print.
    func run(_ words: [String], _ act: (String) throws(CLIError) -> JSONValue) throws(CLIError) {
        try printer.validateFields(fields)
        var results: [Result<Done, CLIError>] = []
        for word in words {
            let result = Result { () throws(CLIError) in Done(object: try act(word)) }
            // Several: each line as it happens, so a long batch shows its progress.
            if words.count > 1 { say(result, word: word) }
            results.append(result)
        }
        try finish(words, results)
    }

    /// Prints results made elsewhere — in two steps, as `--wait` on several starts them all
    /// and then waits for all — one line for each, then the data.
    func report(_ words: [String], _ results: [Result<Done, CLIError>]) throws(CLIError) {
        try printer.validateFields(fields)
        if words.count > 1 {
            for (word, result) in zip(words, results) { say(result, word: word) }
        }
        try finish(words, results)
    }

    private func finish(_ words: [String], _ results: [Result<Done, CLIError>]) throws(CLIError) {
        if words.count == 1 {
            switch results[0] {
            case .success(let done):
                if printer.isForPeople { say(.success(done), word: words[0]) } else { try show(done.object) }
            case .failure(let error):
                if let last = error.lastKnownObject { try show(last) }
                throw error
            }
            return
        }
        var firstFailure: ExitCode?
        var entries: [JSONValue] = []
        for (word, result) in zip(words, results) {
            switch result {
            case .success(let done):
                entries.append(done.object)
            case .failure(let error):
                let presentation = ErrorPresenter.present(error)
                if firstFailure == nil { firstFailure = presentation.exitCode }
                let errorObject = presentation.json["error"] ?? .object(JSONObject())
                if case .object(var last)? = error.lastKnownObject {
                    last["error"] = errorObject
                    entries.append(.object(last))
                } else {
                    entries.append(.object(JSONObject([("id", .string(word)), ("error", errorObject)])))
                }
            }
        }
        if !printer.isForPeople {
            let writer = ListWriter(options: printer.options, columns: columns, sink: printer.streams.out)
            writer.write(entries)
            writer.finish()
        }
        if let firstFailure {
            let failures = results.filter { result in if case .failure = result { true } else { false } }.count
            throw .batchFailed(first: firstFailure, failures: failures, total: words.count)
        }
    }

    private func show(_ object: JSONValue) throws(CLIError) {
        try printer.object(object, columns: columns, fields: fields)
    }

    /// `✓ Started instance app-1 (ins_…): running` or `✗ app-2: Instance is already running`,
    /// on stderr, for people.
    private func say(_ result: Result<Done, CLIError>, word: String) {
        guard printer.isForPeople else { return }
        let streams = printer.streams
        switch result {
        case .success(let done):
            let id = done.object["id"]?.stringValue ?? word
            // A delete's answer has no name: the name the person typed stands in for it.
            let name = done.object["name"]?.stringValue ?? (word != id ? word : nil)
            let label = name.map { "\($0) (\(id))" } ?? id
            var line = StyledText.mark("✓", .green) + StyledText(" " + (done.saying ?? "\(pastTense) \(label)"))
            if done.saying == nil, let status = done.object["status"]?.stringValue {
                line = line + StyledText(": ") + StyledText(status, .status)
            }
            streams.warn(line.rendered(streams.errStyle))
        case .failure(let error):
            let message = ErrorPresenter.present(error).message
            streams.warn((StyledText.mark("✗", .red) + StyledText(" \(word): \(message)")).rendered(streams.errStyle))
        }
    }
}
