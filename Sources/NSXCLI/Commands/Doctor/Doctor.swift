import NSXJSON
import NSXOutput

/// `nsx doctor`: checks what nsx depends on, in the order a problem would bite — config
/// folder, Secret Service, credential, API, clocks, the credential's validity and expiry —
/// each ✓ or ✗ with the fix. Changes nothing. Exit 0 when all pass, else 1.
enum Doctor {
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

    static func run(_ invocation: Invocation) throws(CLIError) {
        let checks = DoctorChecks(factory: invocation.factory).all()
        try show(checks, invocation: invocation)
        let failures = checks.filter { $0.outcome == .failed }.count
        if failures > 0 { throw .checksFailed(failures) }
    }

    static func show(_ checks: [Check], invocation: Invocation) throws(CLIError) {
        let factory = invocation.factory
        if factory.globals.output != .table || factory.globals.fields != nil || factory.globals.quiet {
            let writer = try Printer(factory: factory).list(columns: columns, fields: ["check", "status", "detail", "fix"])
            writer.write(checks.map(\.json))
            writer.finish()
            return
        }
        let style = Style(enabled: factory.globals.colour && invocation.streams.stdoutIsTerminal)
        let width = checks.map { $0.name.count }.max() ?? 0
        for check in checks {
            let mark = switch check.outcome {
            case .ok: style.checkMark
            case .failed: style.crossMark
            case .skipped: style.dim("–")
            }
            let name = check.name + String(repeating: " ", count: width - check.name.count)
            invocation.streams.print("\(mark) \(style.bold(name))  \(terminalSafe(check.detail))")
            if let fix = check.fix {
                invocation.streams.print("  \(String(repeating: " ", count: width))  \(style.yellow("fix:")) \(fix)")
            }
        }
    }
}
