#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NSXJSON

/// The `-f key=value` (string) and `-F key=value` (typed) fields of `nsx api`, in the order
/// given. Keys may be paths (`labels.env`) and may end in `[]` to build an array
/// (`-F permissions[]=servers:read`).
struct APIFields {
    struct Field {
        var key: String
        var value: JSONValue
        /// The value as text, for query parameters.
        var text: String
    }

    private(set) var fields: [Field] = []

    var isEmpty: Bool { fields.isEmpty }

    /// - Parameter readStdin: the bytes of standard input, read at most once (for `@-`).
    init(raw: [String], typed: [String], readStdin: () -> [UInt8]?) throws(CLIError) {
        var stdinUsed = false
        for word in raw {
            let (key, text) = try Self.split(word, option: "-f")
            fields.append(Field(key: key, value: .string(text), text: text))
        }
        for word in typed {
            let (key, text) = try Self.split(word, option: "-F")
            if text.hasPrefix("@") {
                let source = String(text.dropFirst())
                let contents: String
                if source == "-" {
                    guard !stdinUsed else { throw .usage("standard input can be read only once (@- given twice)") }
                    stdinUsed = true
                    guard let bytes = readStdin() else { throw .io("cannot read standard input") }
                    contents = String(decoding: bytes, as: UTF8.self)
                } else {
                    contents = String(decoding: try Self.readFile(source), as: UTF8.self)
                }
                fields.append(Field(key: key, value: .string(contents), text: contents))
            } else {
                fields.append(Field(key: key, value: Self.typedValue(text), text: text))
            }
        }
    }

    /// `true`, `false`, `null` and JSON numbers become those; anything else stays a string.
    static func typedValue(_ text: String) -> JSONValue {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: return JSONValue(numberLiteral: text) ?? .string(text)
        }
    }

    /// The JSON body: `{"name": "web-1", "labels": {"env": "prod"}}`.
    var body: JSONValue {
        var object = JSONObject()
        for field in fields {
            var key = field.key
            let append = key.hasSuffix("[]")
            if append { key.removeLast(2) }
            object = JSONPaths.setting(key.split(separator: ".", omittingEmptySubsequences: false).map(String.init),
                                       to: field.value, in: object, append: append)
        }
        return .object(object)
    }

    /// For GET and HEAD: each field a query parameter, keys as typed.
    var query: [(String, String)] { fields.map { ($0.key, $0.text) } }

    private static func split(_ word: String, option: String) throws(CLIError) -> (String, String) {
        guard let equals = word.firstIndex(of: "=") else {
            throw .usage("invalid field \"\(word)\" for \(option)", hint: "Use \(option) key=value.")
        }
        let key = String(word[..<equals])
        let path = key.hasSuffix("[]") ? String(key.dropLast(2)) : key
        guard !path.isEmpty, !path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            throw .usage("invalid field name \"\(key)\" for \(option)", hint: "Use a key or a dotted path such as labels.env.")
        }
        return (key, String(word[word.index(after: equals)...]))
    }

    /// A file's bytes (`-F key=@file`, `--input FILE`).
    static func readFile(_ path: String) throws(CLIError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard let bytes = FileDescriptorSink.readAll(fd: fd) else {
            throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        return bytes
    }
}
