import NSXCommandLine

/// `nsx instances list [--server ID|NAME] [--status S] [--name N] [--limit N | --all]`
enum InstancesList {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceList(view: .instance, filters: [
            .reference(.serverFilter, param: "server_id", kind: .server), .exact(.instanceStatusFilter), .exact(.nameFilter),
        ]).run(invocation)
    }
}

extension OptionKey where Self == ValueOption {
    static var serverFilter: Self { .value("server", .string, valueName: "id|name", help: "Only instances on this server") }
    static var instanceStatusFilter: Self { .value("status", .choice(ResourceTree.instanceStatuses), valueName: "status", help: "Only instances with this status") }
}
