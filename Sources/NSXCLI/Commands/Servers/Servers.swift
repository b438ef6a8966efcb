import NSXCommandLine

/// `nsx servers …`, and the words of the API's server objects.
enum Servers {
    static let regions = ["us-east", "us-west", "eu-central", "ap-southeast"]
    static let plans = ["basic-1", "standard-2", "performance-4", "performance-8"]
    static let statuses = ["provisioning", "active", "maintenance"]

    static let spec = NSXCommand(
        "servers",
        summary: "Manage servers",
        subcommands: [
            ServersList.spec,
            ResourceGet.command(.server),
            ServersCreate.spec,
            ServersUpdate.spec,
            ResourceDelete.command(.server, examples: [Example("nsx servers delete web-1 web-2 --yes")]),
        ]
    )
}
