import NSXCommandLine

/// `nsx backups list [--instance ID|NAME] [--status S] [--limit N | --all]`
enum BackupsList {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceList(view: .backup, filters: [
            .reference(.instanceFilter, param: "instance_id", kind: .instance), .exact(.backupStatusFilter),
        ]).run(invocation)
    }
}

extension OptionKey where Self == ValueOption {
    static var instanceFilter: Self { .value("instance", .string, valueName: "id|name", help: "Only backups of this instance") }
    static var backupStatusFilter: Self { .value("status", .choice(ResourceTree.backupStatuses), valueName: "status", help: "Only backups with this status") }
}
