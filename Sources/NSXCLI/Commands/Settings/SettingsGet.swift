/// `nsx settings get`: the account's settings as one object.
enum SettingsGet {
    static func run(_ invocation: Invocation) throws(CLIError) {
        let printer = invocation.printer
        try printer.validateFields(SettingsShape.fields)
        let settings = try invocation.api.client(.renewIfDue).get(SettingsShape.path).data
        try printer.object(settings, columns: SettingsShape.columns, fields: SettingsShape.fields)
    }
}
