import NSXJSON
import NSXOutput

/// `nsx config list`: every setting with its value (the default when unset).
/// A table of `key value` lines; `-o json` one object of them.
enum ConfigList {
    static func run(_ invocation: Invocation) throws(CLIError) {
        let document = try invocation.factory.configDocument()
        var object: JSONObject = [:]
        for key in ConfigKey.allCases {
            object[key.rawValue] = .string(key.stored(in: document) ?? key.defaultValue)
        }
        let columns = ConfigKey.allCases.map { Column($0.rawValue, header: $0.rawValue) }
        try invocation.printer.object(.object(object), columns: columns, fields: ConfigKey.allCases.map(\.rawValue))
    }
}
