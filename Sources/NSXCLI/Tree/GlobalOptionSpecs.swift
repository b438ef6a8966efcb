import NSXCommandLine
import NSXOutput

/// The global options of CLI.md, declared once on the root (so accepted anywhere).
enum GlobalOptionSpecs {
    static let all: [Option] = [
        .value("profile", .string, valueName: "name", help: "Which stored login to use", default: "default", environment: "NSX_PROFILE"),
        .value("api-url", .string, valueName: "url", help: "API base URL", default: GlobalOptions.defaultAPIURL, environment: "NSX_API_URL"),
        .value("output", short: "o", .choice(OutputFormat.allCases.map(\.rawValue)), valueName: "format",
               help: "Output format", default: "table", environment: "NSX_OUTPUT"),
        .flag("json", help: "Same as --output json"),
        .value("fields", .string, valueName: "a,b", help: "Columns or keys to show, in that order"),
        .flag("no-headers", help: "Print tables and CSV without the header row"),
        .flag("quiet", short: "q", help: "Print only IDs, one per line"),
        .flag("no-color", help: "No ANSI colour (colour is only ever used on a terminal)", environment: "NO_COLOR"),
        .flag("test", help: "Work in the test environment", environment: "NSX_ENV=test"),
        .flag("verbose", short: "v", help: "Trace HTTP on stderr, credentials redacted", environment: "NSX_DEBUG=1"),
        .value("timeout", .number, valueName: "secs", help: "Time limit for each HTTP attempt", default: "30"),
        .value("cacert", .path, valueName: "file", help: "Trust this CA certificate as well (TLS is always verified)", environment: "NSX_CA_BUNDLE"),
        .flag("yes", short: "y", help: "Answer yes to confirmations"),
        .flag("no-input", help: "Never prompt, even on a terminal", environment: "NSX_NO_INPUT=1"),
    ]
}
