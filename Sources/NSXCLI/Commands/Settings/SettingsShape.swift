import NSXOutput

/// How account settings are shown, and which of their keys `settings set` may change.
enum SettingsShape {
    static let path = "/api/v1/settings"

    static let columns = [
        Column("account_id", header: "ACCOUNT", style: .id),
        Column("name", header: "NAME"),
        Column("email", header: "EMAIL"),
        Column("timezone", header: "TIMEZONE"),
        Column("default_region", header: "DEFAULT_REGION"),
        Column("notifications", header: "NOTIFICATIONS", style: .map),
    ]

    /// What `--fields` accepts (and paths below these, like `notifications.email`).
    static var fields: [String] { columns.map(\.key) }
}
