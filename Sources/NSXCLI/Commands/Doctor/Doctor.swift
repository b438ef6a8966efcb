import NSXCommandLine
import NSXJSON
import NSXOutput

/// `nsx doctor`: checks what nsx depends on, in the order a problem would bite — config
/// folder, Secret Service, credential, API, clocks, the credential's validity and expiry —
/// each ✓ or ✗ with the fix. Changes nothing. Exit 0 when all pass, else 1.
enum Doctor: Verb {
    struct Check: Equatable {
        enum Outcome: String { case ok, failed, skipped }

        var name: String
        var outcome: Outcome
        var detail: String
        var fix: String?

        static func ok(_ name: String, _ detail: String) -> Check { Check(name: name, outcome: .ok, detail: detail) }
        static func failed(_ name: String, _ detail: String, fix: String?) -> Check {
            Check(name: name, outcome: .failed, detail: detail, fix: fix)
        }
        static func skipped(_ name: String, _ detail: String) -> Check { Check(name: name, outcome: .skipped, detail: detail) }

        var json: JSONValue {
            .object(["check": .string(name), "status": .string(outcome.rawValue), "detail": .string(detail),
                     "fix": fix.map(JSONValue.string) ?? .null])
        }
    }

    static let columns = [
        Column("check", header: "CHECK"), Column("status", header: "STATUS", style: .status),
        Column("detail", header: "DETAIL"), Column("fix", header: "FIX"),
    ]

    static let spec = NSXCommand(
        "doctor",
        summary: "Check the config folder, keyring, credential and API, with fixes",
        discussion: """
            Checks, in order: the config folder and its file modes, the Secret Service (reachable
            and unlocked), the credential (stored or NSX_TOKEN), the API (and its latency), this
            machine's clock against the server's, and whether the credential is valid and when it
            expires. Each line is ✓ or ✗ with the fix. Nothing is changed. Exit 0 when every
            check passes, else 1.
            """,
        examples: [Example("nsx doctor"), Example("nsx doctor -o json | jq '.[] | select(.status == \"failed\")'")],
        action: runner)

    static func dependencies(_ invocation: Invocation) -> (DoctorChecks, Printer) {
        (DoctorChecks(factory: invocation.factory), invocation.printer)
    }

    static func run(_ words: Void, _ dependencies: (DoctorChecks, Printer)) throws(CLIError) {
        let checks = dependencies.0.all()
        try show(checks, printer: dependencies.1)
        let failures = checks.filter { $0.outcome == .failed }.count
        if failures > 0 { throw .checksFailed(failures) }
    }

    static func show(_ checks: [Check], printer: Printer) throws(CLIError) {
        guard printer.showsOwnView else {
            let writer = try printer.list(columns: columns, fields: ["check", "status", "detail", "fix"])
            writer.write(checks.map(\.json))
            writer.finish()
            return
        }
        printer.block(block(checks))
    }

    /// `✓ Config folder  /home/…/nsx (0700)…`, with `fix: …` under a failed check's detail.
    static func block(_ checks: [Check]) -> DetailBlock {
        DetailBlock(checks.map { check in
            let mark: StyledText = switch check.outcome {
            case .ok: .mark("✓", .green)
            case .failed: .mark("✗", .red)
            case .skipped: .mark("–", .dim)
            }
            let fix = check.fix.map { [StyledText("fix:", .yellow) + StyledText(" " + $0)] } ?? []
            return DetailBlock.Row(mark + StyledText(" ") + StyledText(check.name, .bold), StyledText(check.detail), more: fix)
        })
    }
}
