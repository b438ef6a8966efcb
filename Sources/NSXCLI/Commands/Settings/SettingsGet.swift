import NSXCommandLine

/// `nsx settings get`: the account's settings as one object.
enum SettingsGet: Verb {
    static let spec = NSXCommand("get", summary: "Show account settings",
                                 examples: [Example("nsx settings get -o json | jq -r .timezone")],
                                 permissions: ["settings:read"], action: runner)

    static func dependencies(_ invocation: Invocation) -> (Printer, APIAccess) { (invocation.printer, invocation.api) }

    static func run(_ words: Void, _ dependencies: (Printer, APIAccess)) throws(CLIError) {
        let (printer, api) = dependencies
        try printer.validateFields(SettingsShape.fields)
        let settings = try api.client(.renewIfDue).get(SettingsShape.path).data
        try printer.object(settings, columns: SettingsShape.columns, fields: SettingsShape.fields)
    }
}
