import NSXJSON
import NSXTime

/// Turns one JSON value into the text of a table or CSV cell.
///
/// Containers collapse to one line with one rule for both formats: maps as `k=v;k=v`,
/// lists as `a b`, and anything nested deeper as compact JSON.
struct CellText {
    let options: OutputOptions

    /// For people: `-` for nothing (so whitespace-split columns stay countable), relative
    /// times and human sizes on a terminal, and never a control character, because a
    /// table row must stay on one line.
    func forTable(_ value: JSONValue?, style: Column.Style) -> String {
        let text: String
        switch value {
        case .none, .null?:
            return "-"
        case .string(let string)?:
            if style == .time, options.terminal, let moment = Timestamp(rfc3339: string) {
                text = RelativeTime.phrase(moment, now: options.now)
            } else {
                text = string
            }
        case .number(let literal)?:
            if style == .bytes, options.terminal, let bytes = Double(literal) {
                text = ByteCount.describe(bytes)
            } else {
                text = literal
            }
        case let container?:
            text = Self.inline(container)
        }
        return text.isEmpty ? "-" : terminalSafe(text)
    }

    /// For scripts: the value as given; null is empty. Escaped only on a terminal.
    func forCSV(_ value: JSONValue?) -> String {
        let text: String
        switch value {
        case .none, .null?: text = ""
        case let value?: text = Self.inline(value)
        }
        return options.terminal ? terminalSafe(text) : text
    }

    /// One line for any value: scalars as their text, maps `k=v;k=v`, lists `a b`.
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let literal): return literal
        case .string(let string): return string
        case .array(let elements): return elements.map(nested).joined(separator: " ")
        case .object(let object): return object.map { "\($0.key)=\(nested($0.value))" }.joined(separator: ";")
        }
    }

    /// Containers inside containers are written as compact JSON so they stay unambiguous.
    private static func nested(_ value: JSONValue) -> String {
        switch value {
        case .array, .object: value.serialized()
        default: inline(value)
        }
    }
}
