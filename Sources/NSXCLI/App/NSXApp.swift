#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NSXCommandLine
import NSXConfig
import NSXHTTP
import NSXJSON
import NSXOutput

/// The whole of nsx behind one call: parse the words, weigh the global options, run the
/// command, and turn any failure into a message and an exit code.
public enum NSXApp {
    /// For `main.swift`: the real process, streams and signals.
    public static func main() -> Never {
        Signals.install()
        let code = run(arguments: Array(CommandLine.arguments.dropFirst()),
                       environment: ProcessEnvironment.current(), streams: .system())
        exit(code)
    }

    public static func run(arguments: [String], environment: [String: String], streams: IOStreams) -> Int32 {
        let parser = Parser(root: CommandTree.root)
        let parsed: ParsedCommand<CommandRunner>
        do {
            parsed = try parser.parse(arguments)
        } catch {
            if case .missingSubcommand = error.reason {
                // `nsx servers`: show what the group offers, like gh does.
                streams.err.write(Help.render(path: error.commandPath, streams: streams))
                return ExitCode.usage.rawValue
            }
            return report(error, machine: machineOutputRequested(arguments, environment), streams: streams)
        }
        if parsed.versionRequested {
            streams.print("nsx \(NSXVersion.current)")
            return ExitCode.success.rawValue
        }
        if parsed.helpRequested {
            streams.out.write(Help.render(path: parsed.path, streams: streams))
            return ExitCode.success.rawValue
        }

        let storedSettings = (try? ConfigStore(location: ConfigLocation.resolve(environment: environment)).load())
        var settings = storedSettings?.settings ?? [:]
        if let defaultProfile = storedSettings?.defaultProfile { settings["profile"] = defaultProfile }
        let globals: GlobalOptions
        do {
            globals = try GlobalOptionsResolver.resolve(parsed, environment: environment, settings: settings)
        } catch {
            return report(error, machine: machineOutputRequested(arguments, environment), streams: streams)
        }
        streams.neverPrompt = globals.noInput
        let factory = Factory(streams: streams, environment: environment, globals: globals)
        // Read once at start-up: commands reuse it instead of reading config.json again.
        if let storedSettings { factory.adoptLoadedConfig(storedSettings) }

        guard let action = parsed.action else {
            streams.out.write(Help.render(path: parsed.path, streams: streams))
            return ExitCode.success.rawValue
        }
        do {
            try action.run(Invocation(parsed: parsed, factory: factory))
            return ExitCode.success.rawValue
        } catch {
            let context = ErrorPresenter.Context(permissions: knownPermissions(factory, after: error),
                                                 commandPath: parsed.path, profile: globals.profile)
            return report(error, machine: globals.isMachineOutput, streams: streams, context: context)
        }
    }

    /// Writes the error (as words, or as the JSON error object under `-o json`) and returns its exit code.
    static func report(_ error: any Error, machine: Bool, streams: IOStreams,
                       context: ErrorPresenter.Context = ErrorPresenter.Context()) -> Int32 {
        let presentation = ErrorPresenter.present(error, context: context)
        if machine {
            var json = presentation.json
            if case .object(var envelope) = json, case .object(var body)? = envelope["error"] {
                if let requestID = presentation.requestID, body["request_id"] == nil { body["request_id"] = .string(requestID) }
                envelope["error"] = .object(body)
                json = .object(envelope)
            }
            streams.err.write(SecretScrubber.scrub(json.serialized()) + "\n")
        } else {
            let style = Style(enabled: streams.stderrIsTerminal)
            var lines = ["\(style.red("error:")) \(terminalSafe(SecretScrubber.scrub(presentation.message)))"]
            lines += presentation.details.map { "  \(terminalSafe(SecretScrubber.scrub($0)))" }
            lines += presentation.hints.map { "\(style.dim("hint:")) \(SecretScrubber.scrub($0))" }
            if let requestID = presentation.requestID { lines.append(style.dim("request id: \(requestID)")) }
            streams.err.write(lines.joined(separator: "\n") + "\n")
        }
        return presentation.exitCode.rawValue
    }

    /// The permissions of the credential in use, for the hints of a 403.
    /// Only a 403 needs them; then `GET /api/v1/me` fills in what the facts do not know (NSX_TOKEN).
    static func knownPermissions(_ factory: Factory, after error: any Error) -> [String]? {
        CredentialPermissions.known(factory, after: error)
    }

    /// Before parsing succeeded: did the user ask for JSON errors?
    static func machineOutputRequested(_ arguments: [String], _ environment: [String: String]) -> Bool {
        let words = arguments.prefix { $0 != "--" }
        for (index, word) in words.enumerated() {
            if word == "--json" || word == "--output=json" || word == "--output=ndjson" || word == "-ojson" || word == "-ondjson" { return true }
            if (word == "-o" || word == "--output"), index + 1 < words.count, ["json", "ndjson"].contains(words[words.startIndex + index + 1]) { return true }
        }
        return ["json", "ndjson"].contains(environment[EnvironmentVariable.output.rawValue] ?? "")
    }
}

enum ProcessEnvironment {
    static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
