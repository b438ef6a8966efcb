import NSXCommandLine

/// `nsx backups list [--instance ID|NAME] [--status S] [--limit N | --all]`
enum BackupsList {
    static let spec = ResourceList(view: .backup, filters: [
        .reference(.instanceFilter, param: "instance_id", kind: .instance), .exact(.backupStatusFilter),
    ]).command(examples: [
        Example("nsx backups list --instance app-1 --status completed"),
        Example("nsx backups list --all -o json | jq 'map(.size_bytes) | add'", summary: "Bytes held in backups"),
    ])
}

extension OptionKey where Self == ValueOption {
    static var instanceFilter: Self { ValueOption.value("instance", .string, valueName: "id|name", help: "Only backups of this instance").completing(.instances) }
    static var backupStatusFilter: Self { .value("status", .choice(Backups.statuses), valueName: "status", help: "Only backups with this status") }
}
