import NSXCommandLine
import NSXConfig
import NSXJSON
import NSXOutput

/// `nsx config list`: every setting with its value (the default when unset).
/// A table of `key value` lines; `-o json` one object of them.
enum ConfigList: Verb {
    static let spec = NSXCommand("list", aliases: ["ls"], summary: "Show every setting", action: runner)

    static func dependencies(_ invocation: Invocation) -> (ConfigReader, Printer) { (ConfigReader(invocation), invocation.printer) }

    static func run(_ words: Void, _ dependencies: (ConfigReader, Printer)) throws(CLIError) {
        let (config, printer) = dependencies
        let document = try config.document()
        var object: JSONObject = [:]
        for key in ConfigKey.allCases {
            object[key.rawValue] = .string(key.stored(in: document) ?? key.defaultValue)
        }
        let columns = ConfigKey.allCases.map { Column($0.rawValue, header: $0.rawValue) }
        try printer.object(.object(object), columns: columns, fields: ConfigKey.allCases.map(\.rawValue))
    }
}
