import NSXCommandLine

/// `nsx servers list [--region R] [--status S] [--name N] [--limit N | --all]`
enum ServersList {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceList(view: .server, filters: [.exact(.regionFilter), .exact(.serverStatusFilter), .exact(.nameFilter)]).run(invocation)
    }
}

extension OptionKey where Self == ValueOption {
    static var regionFilter: Self { .value("region", .choice(ResourceTree.regions), valueName: "region", help: "Only servers in this region") }
    static var serverStatusFilter: Self { .value("status", .choice(ResourceTree.serverStatuses), valueName: "status", help: "Only servers with this status") }
}
