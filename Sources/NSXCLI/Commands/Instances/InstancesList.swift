import NSXCommandLine

/// `nsx instances list [--server ID|NAME] [--status S] [--name N] [--limit N | --all]`
enum InstancesList {
    static let spec = ResourceList(view: .instance, filters: [
        .reference(.serverFilter, param: "server_id", kind: .server), .exact(.instanceStatusFilter), .exact(.nameFilter),
    ]).command(examples: [
        Example("nsx instances list --server web-1 --status running"),
        Example("nsx instances list --all -q"),
        Example("nsx instances list --status stopped --all -o ndjson | jq -r .id | xargs nsx instances start --wait",
                summary: "Start every stopped instance"),
    ])
}

extension OptionKey where Self == ValueOption {
    static var serverFilter: Self { ValueOption.value("server", .string, valueName: "id|name", help: "Only instances on this server").completing(.servers) }
    static var instanceStatusFilter: Self {
        .value("status", .choice(Instances.statuses), valueName: "status", help: "Only instances with this status")
    }
}
