import NSXCommandLine
import NSXJSON

/// `nsx instances create --name N --server ID|NAME --image I` (it starts stopped).
enum InstancesCreate: Verb {
    static let spec = NSXCommand(
        "create", summary: "Create an instance (it starts stopped)", options: [.name, .server, .image],
        examples: [Example("nsx instances create --name app-1 --server web-1 --image ubuntu-24.04")],
        permissions: ["instances:write", "servers:read"], action: runner)

    struct Words {
        var name: String
        var server: String
        var image: String
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        Words(name: try parsed.required(.name), server: try parsed.required(.server), image: try parsed.required(.image))
    }

    static func run(_ words: Words, _ resources: ResourceAccess) throws(CLIError) {
        let context = try resources.connect(.instance)
        let serverID = try context.id(words.server, kind: .server)
        let body = JSONObject([("name", .string(words.name)), ("server_id", .string(serverID)), ("image", .string(words.image))])
        try context.create(body, wait: nil, until: [])
    }
}

extension OptionKey where Self == ValueOption {
    static var server: Self { ValueOption.value("server", .string, valueName: "id|name", help: "The server it runs on").completing(.servers).required }
    static var image: Self { ValueOption.value("image", .string, valueName: "image", help: "Image, e.g. ubuntu-24.04").required }
}
