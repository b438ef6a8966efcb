import NSXCommandLine

/// `nsx instances …`, and the words of the API's instance objects.
enum Instances {
    static let statuses = ["stopped", "starting", "running", "stopping", "restarting", "restoring"]

    static let spec = NSXCommand(
        "instances",
        summary: "Manage instances, and start, stop or restart them",
        subcommands: [
            InstancesList.spec,
            ResourceGet.command(.instance),
            InstancesCreate.spec,
            InstancesUpdate.spec,
            ResourceDelete.command(.instance, summary: "Delete stopped instances", examples: [Example("nsx instances delete app-1 --yes")]),
            ResourceAction(view: .instance, action: "start", pastTense: "Started", endStatuses: ["running"], holdsWhenAlreadyThere: true)
                .command(summary: "Start instances"),
            ResourceAction(view: .instance, action: "stop", pastTense: "Stopped", endStatuses: ["stopped"], holdsWhenAlreadyThere: true)
                .command(summary: "Stop instances"),
            ResourceAction(view: .instance, action: "restart", pastTense: "Restarted", endStatuses: ["running"], holdsWhenAlreadyThere: false)
                .command(summary: "Restart running instances"),
        ]
    )
}
