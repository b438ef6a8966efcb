import NSXCommandLine
import NSXJSON

/// `nsx instances create --name N --server ID|NAME --image I` (it starts stopped).
enum InstancesCreate {
    struct Options {
        var name: String
        var server: String
        var image: String

        init(_ invocation: Invocation) throws(CLIError) {
            let parsed = invocation.parsed
            name = try parsed.required(.name)
            server = try parsed.required(.server, hint: "Give the ID or name of the server it runs on.")
            image = try parsed.required(.image, hint: "For example --image ubuntu-24.04.")
        }
    }

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try Options(invocation)
        let context = try ResourceContext(invocation, view: .instance)
        let serverID = try context.id(options.server, kind: .server)
        let body = JSONObject([("name", .string(options.name)), ("server_id", .string(serverID)), ("image", .string(options.image))])
        try context.create(body, wait: nil, until: [])
    }
}

extension OptionKey where Self == ValueOption {
    static var server: Self { .value("server", .string, valueName: "id|name", help: "The server it runs on") }
    static var image: Self { .value("image", .string, valueName: "image", help: "Image, e.g. ubuntu-24.04") }
}
