import NSXCommandLine
import NSXJSON

/// `nsx servers create --name N --region R --plan P [--label k=v…] [--wait]`
enum ServersCreate {
    struct Options {
        var name: String
        var region: String
        var plan: String
        var labels: LabelEdits
        var wait: WaitRequest?

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            name = try parsed.required(.name)
            region = try parsed.required(.region, hint: "Regions: \(ResourceTree.regions.joined(separator: ", ")).")
            plan = try parsed.required(.plan, hint: "Plans: \(ResourceTree.plans.joined(separator: ", ")).")
            labels = try LabelEdits(labels: parsed[.label])
            wait = try WaitRequest.parse(parsed)
        }

        var body: JSONObject {
            var body = JSONObject([("name", .string(name)), ("region", .string(region)), ("plan", .string(plan))])
            if !labels.isEmpty { body["labels"] = labels.patch }
            return body
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try Options(invocation)
        try ResourceContext(invocation, view: .server).create(options.body, wait: options.wait, until: ["active"])
    }
}

extension OptionKey where Self == ValueOption {
    static var region: Self { .value("region", .choice(ResourceTree.regions), valueName: "region", help: "Region") }
    static var plan: Self { .value("plan", .choice(ResourceTree.plans), valueName: "plan", help: "Plan") }
}

extension OptionKey where Self == ListOption {
    static var label: Self { .list("label", .string, valueName: "key=value", help: "A label") }
}
