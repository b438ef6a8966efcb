extension JSON {
    /// Compact UTF-8 serialisation.
    public var serialized: String {
        var output = ""
        output.reserveCapacity(256)
        write(into: &output)
        return output
    }

    public func write(into output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): JSON.writeNumber(value, into: &output)
        case .string(let value): JSON.writeString(value, into: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(into: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, pair) in object.pairs.enumerated() {
                if index > 0 { output += "," }
                JSON.writeString(pair.key, into: &output)
                output += ":"
                pair.value.write(into: &output)
            }
            output += "}"
        }
    }

    private static func writeNumber(_ value: Double, into output: inout String) {
        if value.rounded() == value, abs(value) < 9.0e15 {
            output += String(Int(value))
        } else if value.isFinite {
            output += String(value)
        } else {
            output += "null"
        }
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        var needsEscaping = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscaping = true
            break
        }
        if !needsEscaping {
            output += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
