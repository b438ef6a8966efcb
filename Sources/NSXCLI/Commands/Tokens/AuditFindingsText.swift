import NSXOutput
import NSXTokenScan

/// `tokens audit` for people: one aligned line per finding, and under it the whole fix on
/// its own line. A fix cut short to fit a terminal's width could not be pasted, so findings
/// are not a fitted table (`--fields` still gives one).
///
///     high    admin (tok_e4cejjuu4ysy)  has every permission
///             fix: nsx tokens create --name admin --for COMMAND --expires 90d && nsx tokens revoke tok_e4cejjuu4ysy
enum AuditFindingsText {
    static func render(_ findings: [AuditFinding], style: Style) -> String {
        let severityWidth = AuditSeverity.allCases.map(\.name.count).max() ?? 0
        let labels = findings.map { "\(terminalSafe($0.token.name)) (\(terminalSafe($0.token.id)))" }
        let labelWidth = labels.map(\.count).max() ?? 0
        var output = ""
        for (finding, label) in zip(findings, labels) {
            let severity = finding.severity.name
            var message = finding.message
            if !finding.profiles.isEmpty {
                let names = finding.profiles.map { "\"\(terminalSafe($0))\"" }.joined(separator: ", ")
                message += "; the credential of profile\(finding.profiles.count == 1 ? "" : "s") \(names)"
            }
            output += paint(severity, style) + pad(severity, severityWidth) + "  "
                + label + pad(label, labelWidth) + "  " + message + "\n"
            output += String(repeating: " ", count: severityWidth + 2) + style.dim("fix:") + " " + terminalSafe(finding.fix) + "\n"
        }
        return output
    }

    private static func paint(_ severity: String, _ style: Style) -> String {
        switch severity {
        case AuditSeverity.high.name: style.red(style.bold(severity))
        case AuditSeverity.medium.name: style.yellow(severity)
        default: severity
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count))
    }
}
