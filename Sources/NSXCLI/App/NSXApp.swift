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
    /// For `main.swift`: the real process, streams, signals and dependencies.
    public static func main() -> Never {
        ProcessHardening.apply()  // before any secret is read
        Signals.install()
        let code = run(arguments: Array(CommandLine.arguments.dropFirst()),
                       environment: ProcessEnvironment.current(), streams: .system())
        // Everything nsx writes has been written (straight to the descriptors), and files
        // are renamed into place as they are written: libraries' exit-time clean-up
        // (OpenSSL's, GLib's) has nothing to save and would only cost time, or race a
        // library still opening on another thread (LibraryWarmUp).
        fflush(nil)
        LibraryWarmUp.settle()  // after the output: a lookup child is only exiting by now
        _exit(code)
    }

    /// The pipeline `main` runs, with what it reaches outside nsx handed in: tests drive
    /// exactly this with their own keyring, network and clock.
    public static func run(arguments: [String], environment: [String: String], streams: IOStreams,
                           dependencies: Dependencies = .system) -> Int32 {
        if arguments.first == DynamicCompletion.command {
            // Shell completion shows no message and never fails: the shell would print either
            // in the middle of the line being typed.
            _ = execute(arguments: arguments, environment: environment, streams: streams.forCompletion(), dependencies: dependencies)
            return ExitCode.success.rawValue
        }
        return execute(arguments: arguments, environment: environment, streams: streams, dependencies: dependencies)
    }

    private static func execute(arguments: [String], environment: [String: String], streams: IOStreams,
                                dependencies: Dependencies) -> Int32 {
        // config.json is read once, here: its colour setting applies even to usage errors,
        // and the factory reuses the document.
        let stored = try? ConfigStore(location: ConfigLocation.resolve(environment: environment)).load()
        let early = EarlyWords(arguments)
        streams.useColor(noColorFlag: early.noColor, environment: environment, setting: stored?.settings["color"])
        let machine = early.asksForJSON || ["json", "ndjson"].contains(environment[EnvironmentVariable.output.rawValue] ?? "")

        let parsed: ParsedCommand<CommandRunner>
        do {
            parsed = try Parser(root: CommandTree.root).parse(arguments)
        } catch {
            if case .missingSubcommand = error.reason {
                // `nsx` alone is asking what nsx does: help, and success (as gh does).
                if error.commandPath.isEmpty {
                    streams.out.write(HelpPage.render(path: [], streams: streams))
                    return ExitCode.success.rawValue
                }
                // `nsx servers`: show what the group offers, like gh does.
                streams.err.write(HelpPage.render(path: error.commandPath, streams: streams))
                return ExitCode.usage.rawValue
            }
            return report(error, machine: machine, streams: streams)
        }
        if parsed.versionRequested {
            streams.print(Version.shortLine)
            return ExitCode.success.rawValue
        }
        if parsed.helpRequested {
            streams.out.write(HelpPage.render(path: parsed.path, streams: streams))
            return ExitCode.success.rawValue
        }

        let settings = GlobalOptionsResolver.settings(stored)
        let globals: GlobalOptions
        do {
            globals = try GlobalOptionsResolver.resolve(parsed, environment: environment, settings: settings)
        } catch {
            return report(error, machine: machine, streams: streams)
        }
        streams.neverPrompt = globals.noInput
        streams.useColor(noColorFlag: globals.noColor, environment: environment, setting: settings["color"])
        let factory = Factory(streams: streams, environment: environment, globals: globals,
                              dependencies: dependencies, loadedConfig: stored)

        guard let action = parsed.action else {
            streams.out.write(HelpPage.render(path: parsed.path, streams: streams))
            return ExitCode.success.rawValue
        }
        if !parsed.command.permissions.isEmpty, let key = CredentialResolver(factory: factory).keyringKey,
           dependencies.warmUp(key) {  // libcurl loads while the keyring lookup talks to the daemon
            factory.credentialReadsAhead = true  // and the first request connects meanwhile too
        }
        do {
            try action.execute(Invocation(parsed: parsed, factory: factory))
            return ExitCode.success.rawValue
        } catch {
            let context = ErrorPresenter.Context(permissions: { CredentialPermissions.lookUp(factory) },
                                                 commandPath: parsed.path, suggestions: globals.suggestions)
            return report(interruption(error), machine: globals.isMachineOutput, streams: streams, context: context)
        }
    }

    /// After Ctrl-C, whatever the command was doing failed because it was stopped: a prompt
    /// with no answer, a read cut short. Say so (exit 130), unless the command stopped part
    /// way, which says what it did and what is left.
    static func interruption(_ error: CLIError) -> CLIError {
        guard CancellationFlag.isRaised else { return error }
        switch error {
        case .stoppedPartWay, .waitInterrupted: return error
        default: return .interrupted
        }
    }

    /// Writes the error (as words, or as the JSON error object under `-o json`) and returns its exit code.
    static func report(_ error: any Error, machine: Bool, streams: IOStreams,
                       context: ErrorPresenter.Context = ErrorPresenter.Context()) -> Int32 {
        let presentation = ErrorPresenter.present(error, context: context)
        streams.progress.clear()
        if machine {
            var json = presentation.json
            if case .object(var envelope) = json, case .object(var body)? = envelope["error"] {
                if let requestID = presentation.requestID, body["request_id"] == nil { body["request_id"] = .string(requestID) }
                envelope["error"] = .object(body)
                json = .object(envelope)
            }
            streams.err.write(SecretScrubber.scrub(json.serialized()) + "\n")
        } else if presentation.isPlain {
            streams.err.write(StyledText(presentation.message).rendered(streams.errStyle) + "\n")
        } else {
            var lines = [StyledText("error:", .red) + StyledText(" " + SecretScrubber.scrub(presentation.message))]
            lines += presentation.details.map { StyledText("  " + SecretScrubber.scrub($0)) }
            lines += presentation.hints.map { StyledText("hint:", .dim) + StyledText(" " + SecretScrubber.scrub($0)) }
            if let requestID = presentation.requestID { lines.append(StyledText("request id: \(requestID)", .dim)) }
            streams.err.write(lines.map { $0.rendered(streams.errStyle) }.joined(separator: "\n") + "\n")
        }
        return presentation.exitCode.rawValue
    }
}
