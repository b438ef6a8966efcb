import NSXCommandLine

/// servers, instances, backups, settings and the raw `api` command.
/// Permissions list what each command needs in all its forms (names resolved, --wait).
enum ResourceTree {
    static let regions = ["us-east", "us-west", "eu-central", "ap-southeast"]
    static let plans = ["basic-1", "standard-2", "performance-4", "performance-8"]
    static let serverStatuses = ["provisioning", "active", "maintenance"]
    static let instanceStatuses = ["stopped", "starting", "running", "stopping", "restarting", "restoring"]
    static let backupStatuses = ["pending", "completed", "failed", "restoring"]

    static func listOptions(_ filters: [any OptionKey]) -> [any OptionKey] {
        filters + [.limit, .allPages]
    }

    static let servers = NSXCommand(
        "servers",
        summary: "Manage servers",
        subcommands: [
            NSXCommand("list", aliases: ["ls"], summary: "List servers",
                       options: listOptions([
                        ValueOption.regionFilter, .serverStatusFilter, .nameFilter,
                       ]),
                       examples: [Example("nsx servers list --region eu-central"), Example("nsx servers list --all -o ndjson")],
                       permissions: ["servers:read"],
                       action: CommandRunner(ServersList.run)),
            NSXCommand("get", aliases: ["show"], summary: "Show a server",
                       arguments: [ResourceGet(view: .server).target],
                       permissions: ["servers:read"],
                       action: CommandRunner(ServersGet.run)),
            NSXCommand("create", summary: "Create a server",
                       options: [
                        ValueOption.name, ValueOption.region, ValueOption.plan, ListOption.label, FlagOption.wait, IntegerOption.waitTimeout,
                       ],
                       examples: [Example("nsx servers create --name web-1 --region eu-central --plan standard-2 --label env=prod --wait")],
                       permissions: ["servers:write", "servers:read"],
                       action: CommandRunner(ServersCreate.run)),
            NSXCommand("update", summary: "Rename a server or change its labels",
                       options: [
                        ValueOption.rename, ListOption.setLabel, ListOption.removeLabel,
                       ],
                       arguments: [ServersUpdate.target],
                       examples: [Example("nsx servers update web-1 --label env=staging --remove-label owner")],
                       permissions: ["servers:write", "servers:read"],
                       action: CommandRunner(ServersUpdate.run)),
            NSXCommand("delete", aliases: ["rm"], summary: "Delete servers",
                       arguments: [ResourceDelete(view: .server).targets],
                       examples: [Example("nsx servers delete web-1 web-2 --yes")],
                       permissions: ["servers:write", "servers:read"],
                       action: CommandRunner(ServersDelete.run)),
        ]
    )

    static let instances = NSXCommand(
        "instances",
        summary: "Manage instances, and start, stop or restart them",
        subcommands: [
            NSXCommand("list", aliases: ["ls"], summary: "List instances",
                       options: listOptions([
                        ValueOption.serverFilter, .instanceStatusFilter, .nameFilter,
                       ]),
                       examples: [Example("nsx instances list --server web-1 --status running"), Example("nsx instances list --all -q")],
                       permissions: ["instances:read", "servers:read"],
                       action: CommandRunner(InstancesList.run)),
            NSXCommand("get", aliases: ["show"], summary: "Show an instance",
                       arguments: [ResourceGet(view: .instance).target],
                       permissions: ["instances:read"],
                       action: CommandRunner(InstancesGet.run)),
            NSXCommand("create", summary: "Create an instance (it starts stopped)",
                       options: [
                        ValueOption.name, .server, .image,
                       ],
                       examples: [Example("nsx instances create --name app-1 --server web-1 --image ubuntu-24.04")],
                       permissions: ["instances:write", "servers:read"],
                       action: CommandRunner(InstancesCreate.run)),
            NSXCommand("update", summary: "Rename an instance",
                       options: [ValueOption.rename],
                       arguments: [InstancesUpdate.target],
                       permissions: ["instances:write", "instances:read"],
                       action: CommandRunner(InstancesUpdate.run)),
            NSXCommand("delete", aliases: ["rm"], summary: "Delete stopped instances",
                       arguments: [ResourceDelete(view: .instance).targets],
                       examples: [Example("nsx instances delete app-1 --yes")],
                       permissions: ["instances:write", "instances:read"],
                       action: CommandRunner(InstancesDelete.run)),
            actionCommand("start", summary: "Start instances", action: CommandRunner(InstancesStart.run)),
            actionCommand("stop", summary: "Stop instances", action: CommandRunner(InstancesStop.run)),
            actionCommand("restart", summary: "Restart running instances", action: CommandRunner(InstancesRestart.run)),
        ]
    )

    static func actionCommand(_ verb: String, summary: String, action: CommandRunner) -> NSXCommand {
        NSXCommand(verb, summary: summary,
                   options: [FlagOption.wait, IntegerOption.waitTimeout],
                   arguments: [ResourceDelete(view: .instance).targets],
                   examples: [Example("nsx instances \(verb) web-1 --wait")],
                   permissions: ["instances:actions", "instances:read"],
                   action: action)
    }

    static let backups = NSXCommand(
        "backups",
        summary: "Manage backups and restore them",
        subcommands: [
            NSXCommand("list", aliases: ["ls"], summary: "List backups",
                       options: listOptions([
                        ValueOption.instanceFilter, .backupStatusFilter,
                       ]),
                       examples: [Example("nsx backups list --instance app-1 --status completed")],
                       permissions: ["backups:read", "instances:read"],
                       action: CommandRunner(BackupsList.run)),
            NSXCommand("get", aliases: ["show"], summary: "Show a backup",
                       arguments: [ResourceGet(view: .backup).target],
                       permissions: ["backups:read"],
                       action: CommandRunner(BackupsGet.run)),
            NSXCommand("create", summary: "Back up an instance",
                       options: [
                        ValueOption.instance, ValueOption.backupName, FlagOption.wait, IntegerOption.waitTimeout,
                       ],
                       examples: [Example("nsx backups create --instance app-1 --name before-upgrade --wait")],
                       permissions: ["backups:write", "backups:read", "instances:read"],
                       action: CommandRunner(BackupsCreate.run)),
            NSXCommand("delete", aliases: ["rm"], summary: "Delete backups",
                       arguments: [ResourceDelete(view: .backup).targets],
                       permissions: ["backups:write", "backups:read"],
                       action: CommandRunner(BackupsDelete.run)),
            NSXCommand("restore", summary: "Restore a backup onto its instance (or another)",
                       options: [
                        ValueOption.restoreTarget, FlagOption.wait, IntegerOption.waitTimeout,
                       ],
                       arguments: [BackupsRestore.target],
                       examples: [Example("nsx backups restore before-upgrade --wait"),
                                  Example("nsx backups restore bak_abc --instance app-2 --yes")],
                       permissions: ["backups:restore", "backups:read", "instances:read"],
                       action: CommandRunner(BackupsRestore.run)),
        ]
    )

    static let settings = NSXCommand(
        "settings",
        summary: "See and change account settings",
        subcommands: [
            NSXCommand("get", summary: "Show account settings", permissions: ["settings:read"],
                       action: CommandRunner(SettingsGet.run)),
            NSXCommand("set", summary: "Change account settings",
                       discussion: """
                        Keys: name, timezone (IANA, e.g. Europe/Berlin), default_region,
                        notifications.email (true/false), notifications.webhook_url (https URL;
                        empty clears it).
                        """,
                       arguments: [SettingsSet.assignments],
                       examples: [Example("nsx settings set timezone=UTC notifications.email=false notifications.webhook_url=")],
                       permissions: ["settings:write"],
                       action: CommandRunner(SettingsSet.run)),
        ]
    )

    static let api = NSXCommand(
        "api",
        summary: "Make an authenticated request to any API path",
        discussion: """
            A PATH without a leading / is relative to /api/v1/. METHOD (GET, POST, PUT, PATCH,
            DELETE or HEAD) defaults to GET, or to POST when fields or --input are given.

            -f key=value sends a string; -F key=value a typed value: a number, true, false,
            null, @file for a file's contents or @- for standard input. Dotted keys build nested
            objects (-F labels.env=prod) and key[] builds an array (-f permissions[]=servers:read).
            On GET and HEAD the fields are query parameters instead of a JSON body.

            The body is printed as the server sent it: pretty on a terminal, untouched when piped.
            A 4xx or 5xx answer is printed too, and nsx exits with the matching exit code.
            --paginate follows meta.next_cursor and prints one JSON array of every page's data
            (NDJSON lines with -o ndjson).
            """,
        usage: "[METHOD] PATH [-f key=value…] [-F key=typed…] [--input FILE|-] [-H 'Name: value'] [--paginate] [-i]",
        options: [ListOption.rawField, ListOption.field, ValueOption.input, ListOption.header, FlagOption.paginate, FlagOption.include],
        arguments: [Api.method, Api.path],
        examples: [
            Example("nsx api me"),
            Example("nsx api servers --paginate -o ndjson"),
            Example("nsx api PATCH servers/srv_abc -F labels.env=prod"),
            Example("nsx api tokens -f name=ci -f 'permissions[]=servers:read'"),
        ],
        permissions: [],
        action: CommandRunner(Api.run)
    )
}
