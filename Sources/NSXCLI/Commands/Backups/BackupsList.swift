/// `nsx backups list [--instance ID|NAME] [--status S] [--limit N | --all]`
enum BackupsList {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceList(view: .backup, filters: [
            .reference(option: "instance", param: "instance_id", kind: .instance), .exact("status"),
        ]).run(invocation)
    }
}
