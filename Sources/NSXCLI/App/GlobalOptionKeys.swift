import NSXCommandLine
import NSXOutput

/// The global options, declared once on the root (so accepted anywhere).
enum GlobalOptionKeys {
    static let all: [any OptionKey] = [
        .profile, .apiURL, .output, .json, .fields, .noHeaders, .quiet, .noColor, .test, .verbose, .timeout, .cacert, .yes, .noInput,
    ]
}

extension OptionKey where Self == ValueOption {
    static var profile: Self {
        ValueOption.value("profile", .string, valueName: "name", help: "Which stored login to use", default: "default",
                          environment: "NSX_PROFILE").completing(.profiles)
    }
    static var apiURL: Self { .value("api-url", .string, valueName: "url", help: "API base URL", default: GlobalOptions.defaultAPIURL, environment: "NSX_API_URL") }
    static var output: Self {
        .value("output", short: "o", .choice(OutputFormat.allCases.map(\.rawValue)), valueName: "format",
               help: "Output format", default: "table", environment: "NSX_OUTPUT")
    }
    static var fields: Self { .value("fields", .string, valueName: "a,b", help: "Columns or keys to show, in that order") }
    static var cacert: Self { .value("cacert", .path, valueName: "file", help: "Trust this CA certificate as well (TLS is always verified)", environment: "NSX_CA_BUNDLE") }
}

extension OptionKey where Self == FlagOption {
    static var json: Self { .flag("json", help: "Same as --output json") }
    static var noHeaders: Self { .flag("no-headers", help: "Print tables and CSV without the header row") }
    static var quiet: Self { .flag("quiet", short: "q", help: "Print only IDs, one per line") }
    static var noColor: Self { .flag("no-color", help: "No ANSI colour (colour is only ever used on a terminal)", environment: "NO_COLOR") }
    static var test: Self { .flag("test", help: "Work in the test environment", environment: "NSX_ENV=test") }
    static var verbose: Self { .flag("verbose", short: "v", help: "Trace HTTP on stderr, credentials redacted", environment: "NSX_DEBUG=1") }
    static var yes: Self { .flag("yes", short: "y", help: "Answer yes to confirmations") }
    static var noInput: Self { .flag("no-input", help: "Never prompt, even on a terminal", environment: "NSX_NO_INPUT=1") }
}

extension OptionKey where Self == NumberOption {
    static var timeout: Self { .number("timeout", valueName: "secs", help: "Time limit for each HTTP attempt", default: "30") }
}
