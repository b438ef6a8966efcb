import NSXJSON
import NSXOutput

/// Destructive commands ask first on a terminal; without one they need --yes (exit 2 otherwise).
/// A question names what it is about (names and IDs), so what it names is looked up before
/// it is asked: a word that names nothing fails first, and nothing is asked.
struct Confirmation {
    /// `--yes`.
    let assumeYes: Bool
    let streams: IOStreams

    init(assumeYes: Bool, streams: IOStreams) {
        self.assumeYes = assumeYes
        self.streams = streams
    }

    init(_ invocation: Invocation) {
        self.init(assumeYes: invocation.globals.assumeYes, streams: invocation.streams)
    }

    /// Without --yes and without a terminal nothing can be confirmed: say so before
    /// anything is looked up or changed.
    func checkPossible(action: String) throws(CLIError) {
        if !assumeYes && !streams.canPrompt { throw .confirmationRequired(action: action) }
    }

    /// Asks `question` (or passes with --yes); no is `declined`.
    func require(_ question: String, action: String) throws(CLIError) {
        if assumeYes { return }
        try checkPossible(action: action)
        guard streams.confirm(question) else { throw .declined }
    }

    /// `server web-1 (srv_…)`, or `2 backups: nightly (bak_…), weekly (bak_…)`, terminal-safe.
    static func naming(_ kind: ResourceKind, _ objects: [JSONValue]) -> String {
        let labels = objects.map { object in
            let id = object["id"]?.stringValue ?? "?"
            return terminalSafe(object["name"]?.stringValue.map { "\($0) (\(id))" } ?? id)
        }
        if labels.count == 1 { return "\(kind.singular) \(labels[0])" }
        return "\(labels.count) \(kind.plural): \(labels.joined(separator: ", "))"
    }
}
