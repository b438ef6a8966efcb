import NSXCommandLine
import NSXConfig
import NSXOutput

/// `nsx auth switch [PROFILE]` (gh auth switch, hcloud context use): makes a stored login
/// the default profile, as `nsx config set profile` would, but only one that exists.
/// Without PROFILE it offers the list on a terminal; without one it is a usage error that
/// names the profiles. `--profile` and `NSX_PROFILE` still beat the default for one run.
enum AuthSwitch: Verb {
    static let target: OptionalWordArgument = OptionalWordArgument.optionalWord("PROFILE", help: "A stored profile (nsx auth list)")
        .completing(.profiles)

    static let spec = NSXCommand(
        "switch", summary: "Make another stored login the default profile",
        discussion: """
            Later commands use PROFILE unless --profile or NSX_PROFILE say otherwise. Without
            PROFILE, a terminal offers the stored profiles to choose from.
            """,
        arguments: [target],
        examples: [Example("nsx auth switch work"), Example("nsx auth switch")], action: runner)

    struct Dependencies {
        var config: ConfigReader
        var printer: Printer
        /// NSX_PROFILE, which beats the default profile wherever it is set.
        var profileVariable: String?
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> String? { parsed[target] }

    static func dependencies(_ invocation: Invocation) -> Dependencies {
        let variable = invocation.factory.environment[EnvironmentVariable.profile.rawValue]
        return Dependencies(config: ConfigReader(invocation), printer: invocation.printer,
                            profileVariable: variable?.isEmpty == false ? variable : nil)
    }

    static func run(_ word: String?, _ dependencies: Dependencies) throws(CLIError) {
        try dependencies.printer.validateFields(AuthList.fieldNames)
        let document = try dependencies.config.document()
        let names = document.profiles.keys.sorted()
        let current = document.defaultProfile ?? "default"
        guard !names.isEmpty else {
            throw .usage("there are no stored logins to switch between", hint: "Log in with `nsx login --profile NAME`.")
        }
        let chosen: String
        if let word { chosen = word } else { chosen = try choose(names, current: current, streams: dependencies.config.streams) }
        guard let facts = document.profiles[chosen] else {
            let suggestion = closestMatch(to: chosen, in: names).map { "Did you mean \"\($0)\"? " } ?? ""
            throw .usage("no stored profile \"\(chosen)\"", hint: "\(suggestion)Profiles: \(names.joined(separator: ", ")).")
        }
        do {
            try dependencies.config.store.update { document in document.defaultProfile = chosen == "default" ? nil : chosen }
        } catch {
            throw .config(error)
        }

        let printer = dependencies.printer
        if !printer.isForPeople {
            try printer.object(AuthList.row(chosen, facts, active: true, forTable: false), columns: AuthList.columns,
                               fields: AuthList.fieldNames)
        }
        let who = facts.tokenName ?? facts.email ?? facts.userName
        printer.noteDone("Switched to profile \(chosen)" + (who.map { " (\($0) at \(facts.apiURL))" } ?? " (\(facts.apiURL))"))
        if let variable = dependencies.profileVariable, variable != chosen {
            printer.warn("NSX_PROFILE=\(variable) is set, and beats the default profile wherever it is.")
        }
    }

    /// The profiles listed on stderr, one a line with `*` on the default; the answer is a
    /// number or a name. Without a terminal: a usage error naming them.
    static func choose(_ names: [String], current: String, streams: IOStreams) throws(CLIError) -> String {
        guard streams.canPrompt else {
            throw .usage("nsx auth switch needs a PROFILE when there is no terminal to ask on",
                         hint: "Profiles: \(names.joined(separator: ", ")).")
        }
        for (index, name) in names.enumerated() {
            streams.warn("\(name == current ? "*" : " ") \(index + 1). \(terminalSafe(name))")
        }
        guard let answer = streams.prompt("Switch to which profile? [1-\(names.count) or a name] ")?.trimmingWhitespace(),
              !answer.isEmpty else {
            throw .declined
        }
        if let number = Int(answer), names.indices.contains(number - 1) { return names[number - 1] }
        return answer
    }
}
