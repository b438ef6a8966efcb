import NSXCommandLine
import NSXConfig
import NSXOutput

/// Weighs flags, environment and stored settings into `GlobalOptions`.
enum GlobalOptionsResolver {
    /// The stored settings the resolver weighs: config.json's settings and default profile.
    static func settings(_ document: ConfigDocument?) -> [String: String] {
        var settings = document?.settings ?? [:]
        if let defaultProfile = document?.defaultProfile { settings["profile"] = defaultProfile }
        return settings
    }

    static func resolve(_ parsed: ParsedCommand<CommandRunner>, environment env: [String: String],
                        settings: [String: String]) throws(CLIError) -> GlobalOptions {
        func envFlag(_ name: EnvironmentVariable) -> Bool {
            guard let value = env[name.rawValue] else { return false }
            return !["", "0", "false", "no"].contains(value.lowercased())
        }
        func nonEmpty(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return value
        }

        let profile = parsed[.profile] ?? nonEmpty(env[EnvironmentVariable.profile.rawValue])
            ?? nonEmpty(settings["profile"]) ?? "default"
        guard ProfileName.isValid(profile) else {
            throw .usage("invalid profile name \"\(profile)\"", hint: "Use letters, digits, '-', '_' and '.'.")
        }

        let apiURL = parsed[.apiURL] ?? nonEmpty(env[EnvironmentVariable.apiURL.rawValue])
        if let apiURL, !(apiURL.hasPrefix("https://") || apiURL.hasPrefix("http://")) {
            throw .usage("invalid API URL \"\(apiURL)\"", hint: "It starts with https:// (or http:// for a loopback server).")
        }

        let outputName: String
        if parsed[.json] {
            outputName = "json"
        } else if let flag = parsed[.output] {
            outputName = flag
        } else if let fromEnv = nonEmpty(env[EnvironmentVariable.output.rawValue]) {
            outputName = fromEnv
        } else {
            outputName = settings["output"] ?? "table"
        }
        guard let output = OutputFormat(rawValue: outputName) else {
            throw .usage("invalid output format \"\(outputName)\"",
                         hint: "Use one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if parsed[.json], let flag = parsed[.output], flag != "json" {
            throw .usage("--json and --output \(flag) contradict each other")
        }

        let fields = parsed[.fields].map { text in
            text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        if let fields, fields.isEmpty { throw .usage("--fields needs at least one field name") }

        let testEnvironment = parsed[.test] || env[EnvironmentVariable.environment.rawValue]?.lowercased() == "test"
        if let value = env[EnvironmentVariable.environment.rawValue], !value.isEmpty, !["test", "live"].contains(value.lowercased()) {
            throw .usage("invalid NSX_ENV \"\(value)\"", hint: "Use test or live.")
        }

        let timeout = parsed[.timeout] ?? 30
        guard timeout > 0 else { throw .usage("--timeout must be more than 0 seconds") }

        return GlobalOptions(
            profile: profile,
            explicitAPIURL: apiURL,
            output: output,
            fields: fields,
            noHeaders: parsed[.noHeaders],
            quiet: parsed[.quiet],
            noColor: parsed[.noColor],
            testEnvironment: testEnvironment,
            verbose: parsed[.verbose] || envFlag(.debug),
            timeoutSeconds: timeout,
            caBundle: parsed[.cacert] ?? nonEmpty(env[EnvironmentVariable.caBundle.rawValue]),
            assumeYes: parsed[.yes],
            noInput: parsed[.noInput] || envFlag(.noInput)
        )
    }
}

enum ProfileName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
