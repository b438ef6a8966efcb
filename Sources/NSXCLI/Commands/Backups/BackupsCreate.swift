import NSXCommandLine
import NSXJSON

/// `nsx backups create --instance ID|NAME [--name N] [--wait]`: pending → completed
/// (or failed, which `--wait` reports as exit 9).
enum BackupsCreate: Verb {
    static let spec = NSXCommand(
        "create", summary: "Back up an instance", options: [.instance, .backupName, .wait, .waitTimeout],
        examples: [Example("nsx backups create --instance app-1 --name before-upgrade --wait")],
        permissions: ["backups:write", "backups:read", "instances:read"], action: runner)

    struct Words {
        var instance: String
        var name: String?
        var wait: WaitRequest?
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        Words(instance: try parsed.required(.instance),
              name: parsed[.backupName], wait: try WaitRequest.parse(parsed))
    }

    static func run(_ words: Words, _ resources: ResourceAccess) throws(CLIError) {
        let context = try resources.connect(.backup)
        var body = JSONObject([("instance_id", .string(try context.id(words.instance, kind: .instance)))])
        if let name = words.name { body["name"] = .string(name) }
        try context.create(body, wait: words.wait, until: ["completed"])
    }
}

extension OptionKey where Self == ValueOption {
    static var instance: Self { ValueOption.value("instance", .string, valueName: "id|name", help: "The instance to back up").completing(.instances).required }
    static var backupName: Self { .value("name", .string, valueName: "name", help: "Backup name (default backup-YYYYMMDD-HHMMSS)") }
}
