import NSXCommandLine

/// `nsx servers list [--region R] [--status S] [--name N] [--limit N | --all]`
enum ServersList {
    static let spec = ResourceList(view: .server, filters: [.exact(.regionFilter), .exact(.serverStatusFilter), .exact(.nameFilter)])
        .command(examples: [
            Example("nsx servers list --region eu-central"),
            Example("nsx servers list --all -o ndjson"),
            Example("nsx servers list --all -o json | jq -r '.[] | select(.status == \"active\") | .name'",
                    summary: "Names of the active servers"),
        ])
}

extension OptionKey where Self == ValueOption {
    static var regionFilter: Self { .value("region", .choice(Servers.regions), valueName: "region", help: "Only servers in this region") }
    static var serverStatusFilter: Self { .value("status", .choice(Servers.statuses), valueName: "status", help: "Only servers with this status") }
}
