/// `nsx instances list [--server ID|NAME] [--status S] [--name N] [--limit N | --all]`
enum InstancesList {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceList(view: .instance, filters: [
            .reference(option: "server", param: "server_id", kind: .server), .exact("status"), .exact("name"),
        ]).run(invocation)
    }
}
