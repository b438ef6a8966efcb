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
            name = try parsed.required("name")
            region = try parsed.required("region", hint: "Regions: \(ResourceTree.regions.joined(separator: ", ")).")
            plan = try parsed.required("plan", hint: "Plans: \(ResourceTree.plans.joined(separator: ", ")).")
            labels = try LabelEdits(labels: parsed.values("label"))
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
