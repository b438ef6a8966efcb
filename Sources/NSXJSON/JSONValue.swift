/// A JSON value that keeps what was written: object keys stay in their order and
/// numbers stay as their literal text, so a value read from the API and written
/// back out is byte-for-byte what a person would expect (no `1.0e2` turning into `100`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal as written (always a valid JSON number): exact, never rounded.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

// MARK: - Building values

extension JSONValue {
    public init(_ string: String) { self = .string(string) }
    public init(_ bool: Bool) { self = .bool(bool) }
    public init(_ int: Int) { self = .number(String(int)) }
    public init<Integer: BinaryInteger>(integer: Integer) { self = .number(String(integer)) }
    /// Non-finite doubles have no JSON spelling and become `null`.
    public init(_ double: Double) {
        guard double.isFinite else { self = .null; return }
        self = .number(JSONNumber.literal(for: double))
    }
    public init(_ array: [JSONValue]) { self = .array(array) }
    public init(_ object: JSONObject) { self = .object(object) }

    /// Builds a number from a literal, or nil when `literal` is not a valid JSON number.
    public init?(numberLiteral literal: String) {
        guard JSONNumber.isValidLiteral(literal) else { return nil }
        self = .number(literal)
    }
}

// MARK: - Reading values

extension JSONValue {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The number as an `Int` when its literal is an integer that fits (`3`, `-7`, `1e3`, `2.0`).
    public var intValue: Int? {
        guard case .number(let literal) = self else { return nil }
        return JSONNumber.intValue(of: literal)
    }

    public var doubleValue: Double? {
        guard case .number(let literal) = self else { return nil }
        return Double(literal)
    }

    /// The literal text of a number.
    public var numberLiteral: String? {
        if case .number(let literal) = self { return literal }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The element at `index` of an array, or nil when this is not an array or the index is out of range.
    public subscript(index index: Int) -> JSONValue? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
