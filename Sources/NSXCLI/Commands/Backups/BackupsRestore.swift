import NSXCommandLine
import NSXJSON
import NSXOutput

/// `nsx backups restore ID|NAME [--instance ID|NAME] [--wait]`: asks first (or needs
/// `--yes`). With `--wait` it returns once the backup is `completed` again and the
/// instance is back out of `restoring`; it prints the backup.
enum BackupsRestore: Verb {
    static let target = ResourceGet.target(.backup)

    static let spec = NSXCommand(
        "restore", summary: "Restore a backup onto its instance (or another)", options: [.restoreTarget, .wait, .waitTimeout],
        arguments: [target],
        examples: [Example("nsx backups restore before-upgrade --wait"), Example("nsx backups restore bak_abc --instance app-2 --yes")],
        permissions: ["backups:restore", "backups:read", "instances:read"], action: runner)

    struct Words {
        var word: String
        var instance: String?
        var wait: WaitRequest?

        var question: String {
            let target = instance.map { "instance \(terminalSafe($0))" } ?? "its instance"
            return "Restore backup \(terminalSafe(word)) onto \(target)? Its current data will be replaced."
        }
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        Words(word: parsed[target], instance: parsed[.restoreTarget], wait: try WaitRequest.parse(parsed))
    }

    static func run(_ options: Words, _ resources: ResourceAccess) throws(CLIError) {
        try resources.printer.validateFields(ResourceView.backup.fields)
        try resources.confirmation.require(options.question, action: "nsx backups restore")
        let context = try resources.connect(.backup)
        let backupID = try context.id(options.word)
        var body = JSONObject()
        if let instance = options.instance { body["instance_id"] = .string(try context.id(instance, kind: .instance)) }
        let restoring = try context.client.post("\(ResourceKind.backup.itemPath(backupID))/restore", body: .object(body)).resource()
        guard let wait = options.wait else {
            context.noteDone("Started restoring", restoring)
            return try context.show(restoring)
        }
        let started = ContinuousClock.now
        let label = restoring["name"]?.stringValue ?? options.word
        let restored = try context.wait(backupID, until: ["completed"], label: label, request: wait)
        if let instanceID = body["instance_id"]?.stringValue ?? restored["instance_id"]?.stringValue {
            // One --wait-timeout for the whole restore: the instance gets what the backup left.
            let spent = Int((ContinuousClock.now - started).components.seconds)
            let rest = WaitRequest(timeoutSeconds: max(1, wait.timeoutSeconds - spent))
            _ = try context.wait(instanceID, until: ["running", "stopped"], label: options.instance ?? instanceID,
                                 request: rest, kind: .instance)
        }
        context.noteDone("Restored", restored)
        try context.show(restored)
    }
}

extension OptionKey where Self == ValueOption {
    static var restoreTarget: Self { ValueOption.value("instance", .string, valueName: "id|name", help: "Restore onto this instance instead").completing(.instances) }
}
