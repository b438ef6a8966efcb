import NSXCommandLine

/// `nsx settings set key=value…` (e.g. `timezone=UTC notifications.email=false
/// notifications.webhook_url=`): one PATCH, then the settings as they now are.
enum SettingsSet {
    static let assignments: WordsArgument = .words("KEY=VALUE", help: "Settings to change")

    static func run(_ invocation: Invocation) throws(CLIError) {
        let assignments = try SettingsAssignments(invocation.parsed[Self.assignments])
        let printer = invocation.printer
        try printer.validateFields(SettingsShape.fields)
        let settings = try invocation.api.client(.renewIfDue).patch(SettingsShape.path, body: .object(assignments.patch)).data
        if invocation.globals.output == .table { printer.note("\(printer.noteStyle.checkMark) Updated settings") }
        try printer.object(settings, columns: SettingsShape.columns, fields: SettingsShape.fields)
    }
}
