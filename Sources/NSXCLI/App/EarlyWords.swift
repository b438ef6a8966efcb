/// What the command line asks of output before it is parsed — or when it cannot be — so a
/// usage error is still reported the way the user asked: as JSON under `--json` / `-o json`,
/// without colour under `--no-color`. Only words before `--` count.
struct EarlyWords {
    let asksForJSON: Bool
    let noColor: Bool

    init(_ arguments: [String]) {
        let words = Array(arguments.prefix { $0 != "--" })
        var json = false
        for (index, word) in words.enumerated() {
            if ["--json", "--output=json", "--output=ndjson", "-ojson", "-ondjson"].contains(word) { json = true }
            if word == "-o" || word == "--output", index + 1 < words.count, ["json", "ndjson"].contains(words[index + 1]) { json = true }
        }
        asksForJSON = json
        noColor = words.contains("--no-color")
    }
}
