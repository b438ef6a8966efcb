import NSXCommandLine

/// `nsx settings set key=value…` (e.g. `timezone=UTC notifications.email=false
/// notifications.webhook_url=`): one PATCH, then the settings as they now are.
enum SettingsSet: Verb {
    static let assignments: WordsArgument = .words("KEY=VALUE", help: "Settings to change")

    static let spec = NSXCommand(
        "set", summary: "Change account settings",
        discussion: """
            Keys: name, timezone (IANA, e.g. Europe/Berlin), default_region,
            notifications.email (true/false), notifications.webhook_url (https URL;
            empty clears it).
            """,
        arguments: [assignments],
        examples: [Example("nsx settings set timezone=UTC notifications.email=false notifications.webhook_url=")],
        permissions: ["settings:write"], action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> SettingsAssignments {
        try SettingsAssignments(parsed[assignments])
    }

    static func dependencies(_ invocation: Invocation) -> (Printer, APIAccess) { (invocation.printer, invocation.api) }

    static func run(_ assignments: SettingsAssignments, _ dependencies: (Printer, APIAccess)) throws(CLIError) {
        let (printer, api) = dependencies
        try printer.validateFields(SettingsShape.fields)
        let settings = try api.client(.renewIfDue).patch(SettingsShape.path, body: .object(assignments.patch)).data
        if printer.isForPeople { printer.noteDone("Updated settings") }
        try printer.object(settings, columns: SettingsShape.columns, fields: SettingsShape.fields)
    }
}
