import NSXCommandLine
import NSXJSON

/// `nsx servers create --name N --region R --plan P [--label k=v…] [--wait]`
enum ServersCreate: Verb {
    static let spec = NSXCommand(
        "create", summary: "Create a server", options: [.name, .region, .plan, .label, .wait, .waitTimeout],
        examples: [Example("nsx servers create --name web-1 --region eu-central --plan standard-2 --label env=prod --wait")],
        permissions: ["servers:write", "servers:read"], action: runner)

    struct Words {
        var body: JSONObject
        var wait: WaitRequest?
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        let name = try parsed.required(.name)
        let region = try parsed.required(.region)
        let plan = try parsed.required(.plan)
        var body = JSONObject([("name", .string(name)), ("region", .string(region)), ("plan", .string(plan))])
        let labels = try LabelEdits(labels: parsed[.label])
        if !labels.isEmpty { body["labels"] = labels.patch }
        return Words(body: body, wait: try WaitRequest.parse(parsed))
    }

    static func run(_ words: Words, _ resources: ResourceAccess) throws(CLIError) {
        try resources.connect(.server).create(words.body, wait: words.wait, until: ["active"])
    }
}

extension OptionKey where Self == ValueOption {
    static var region: Self { ValueOption.value("region", .choice(Servers.regions), valueName: "region", help: "Region").required }
    static var plan: Self { ValueOption.value("plan", .choice(Servers.plans), valueName: "plan", help: "Plan").required }
}

extension OptionKey where Self == ListOption {
    static var label: Self { .list("label", .string, valueName: "key=value", help: "A label") }
}
