import NSXCommandLine

/// `nsx backups …`, and the words of the API's backup objects.
enum Backups {
    static let statuses = ["pending", "completed", "failed", "restoring"]

    static let spec = NSXCommand(
        "backups",
        summary: "Manage backups and restore them",
        subcommands: [
            BackupsList.spec,
            ResourceGet.command(.backup),
            BackupsCreate.spec,
            ResourceDelete.command(.backup),
            BackupsRestore.spec,
        ]
    )
}
