import NSXBuildInfo
import NSXCommandLine
import NSXJSON
import NSXOutput

/// `nsx version`: the version, the commit and the day it was built, as the build recorded
/// them (Sources/NSXBuildInfo); "unknown" where it could not tell, as in a build from a
/// tarball without .git. `-o json` gives the same as an object. `nsx --version` stays the
/// bare `nsx 0.1.0` (`shortLine`) that scripts and packaging checks compare, as
/// `docker --version` and `docker version` differ.
enum Version: Verb {
    static let spec = NSXCommand("version", summary: "Print the nsx version, commit and build date",
                                 discussion: "nsx --version prints the version alone (nsx 0.1.0), for scripts.",
                                 examples: [Example("nsx version -o json | jq -r .commit")], action: runner)

    /// `nsx 0.1.0`, for `--version`.
    static var shortLine: String { "nsx \(NSXVersion.current)" }

    /// `nsx 0.1.0 (commit 1a2b3c4d5e6f, built 2026-11-29)`.
    static var line: String {
        "nsx \(NSXVersion.current) (commit \(BuildInfo.commit ?? "unknown"), built \(BuildInfo.date ?? "unknown"))"
    }

    static let fields = ["version", "commit", "build_date"]

    static func dependencies(_ invocation: Invocation) -> Printer { invocation.printer }

    static func run(_ words: Void, _ printer: Printer) throws(CLIError) {
        if printer.format == .table {
            try printer.validateFields(fields)
            printer.streams.print(line)
            return
        }
        let object = JSONObject([
            ("version", .string(NSXVersion.current)),
            ("commit", BuildInfo.commit.map(JSONValue.string) ?? .null),
            ("build_date", BuildInfo.date.map(JSONValue.string) ?? .null),
        ])
        try printer.object(.object(object), columns: fields.map { Column($0) }, fields: fields)
    }
}
