import NSXCommandLine
import NSXJSON

/// `nsx backups create --instance ID|NAME [--name N] [--wait]`: pending → completed
/// (or failed, which `--wait` reports as exit 9).
enum BackupsCreate {
    struct Options {
        var instance: String
        var name: String?
        var wait: WaitRequest?

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            instance = try parsed.required(.instance, hint: "Give the ID or name of the instance to back up.")
            name = parsed[.backupName]
            wait = try WaitRequest.parse(parsed)
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try Options(invocation)
        let context = try ResourceContext(invocation, view: .backup)
        var body = JSONObject([("instance_id", .string(try context.id(options.instance, kind: .instance)))])
        if let name = options.name { body["name"] = .string(name) }
        try context.create(body, wait: options.wait, until: ["completed"])
    }
}

extension OptionKey where Self == ValueOption {
    static var instance: Self { .value("instance", .string, valueName: "id|name", help: "The instance to back up") }
    static var backupName: Self { .value("name", .string, valueName: "name", help: "Backup name (default backup-YYYYMMDD-HHMMSS)") }
}
