import NSXCommandLine
import NSXJSON
import NSXOutput

/// `nsx backups restore ID|NAME [--instance ID|NAME] [--wait]`: looks up the backup and the
/// instance, then asks naming both (or needs `--yes`). With `--wait` it returns once the
/// backup is `completed` again and the instance is back out of `restoring`; it prints the backup.
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
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        Words(word: parsed[target], instance: parsed[.restoreTarget], wait: try WaitRequest.parse(parsed))
    }

    static func run(_ options: Words, _ resources: ResourceAccess) throws(CLIError) {
        let confirmation = resources.confirmation
        try confirmation.checkPossible(action: "nsx backups restore")
        let context = try resources.connect(.backup)
        let backup = try context.lookUp([options.word])[0].object
        let backupID = backup["id"]?.stringValue ?? options.word
        var body = JSONObject()
        if let instance = options.instance { body["instance_id"] = .string(try context.id(instance, kind: .instance)) }
        if !confirmation.assumeYes {
            let instanceID = body["instance_id"]?.stringValue ?? backup["instance_id"]?.stringValue ?? "?"
            let instance = (try? context.get(instanceID, kind: .instance)) ?? .object(JSONObject([("id", .string(instanceID))]))
            try confirmation.require("Restore \(Confirmation.naming(.backup, [backup])) onto \(Confirmation.naming(.instance, [instance]))? "
                                     + "Its current data will be replaced.", action: "nsx backups restore")
        }
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
