/// What an option's value must look like. Values stay text in `ParsedCommand`;
/// the kind decides whether the parser accepts them and how docs describe them.
public enum ValueKind: Sendable, Equatable {
    case string
    /// A whole number within the range.
    case integer(ClosedRange<Int>)
    /// A finite decimal number within the range.
    case number(ClosedRange<Double>)
    /// `30s`, `5m`, `2h`, `7d`, combinations like `1h30m`, or bare seconds; see `parseDuration(_:)`.
    case duration
    case choice([String])
    /// A file path; `-` conventionally means standard input or output.
    case path

    /// Any whole number.
    public static var integer: ValueKind { .integer(Int.min...Int.max) }

    /// Any finite decimal number.
    public static var number: ValueKind { .number(-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) }

    /// The placeholder shown in help when an option names none.
    public var defaultValueName: String {
        switch self {
        case .string: "string"
        case .integer: "int"
        case .number: "number"
        case .duration: "duration"
        case .choice: "string"
        case .path: "file"
        }
    }

    public var choices: [String]? {
        if case .choice(let choices) = self { return choices }
        return nil
    }

    /// What a valid value is, completing "expected …" in error messages.
    public var expectation: String {
        switch self {
        case .string: "a string"
        case .integer(let range): Self.describe(range)
        case .number(let range): Self.describe(range)
        case .duration: "a duration such as 30s, 5m, 2h or 7d"
        case .choice(let choices): "one of " + choices.joined(separator: ", ")
        case .path: "a path"
        }
    }

    /// Whether `text` is a valid value of this kind.
    public func accepts(_ text: String) -> Bool {
        switch self {
        case .string: true
        case .integer(let range): Int(text).map(range.contains) ?? false
        case .number(let range): Double(text).map { $0.isFinite && range.contains($0) } ?? false
        case .duration: parseDuration(text) != nil
        case .choice(let choices): choices.contains(text)
        case .path: !text.isEmpty
        }
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (Int.min, Int.max): "an integer"
        case (let low, Int.max): "an integer of at least \(low)"
        case (Int.min, let high): "an integer of at most \(high)"
        case (let low, let high): "an integer from \(low) to \(high)"
        }
    }

    private static func describe(_ range: ClosedRange<Double>) -> String {
        switch (range.lowerBound.isFinite && range.lowerBound > -.greatestFiniteMagnitude,
                range.upperBound.isFinite && range.upperBound < .greatestFiniteMagnitude) {
        case (false, false): "a number"
        case (true, false): "a number of at least \(written(range.lowerBound))"
        case (false, true): "a number of at most \(written(range.upperBound))"
        case (true, true): "a number from \(written(range.lowerBound)) to \(written(range.upperBound))"
        }
    }

    /// `0.1`, `60`: whole numbers without Swift's `.0`.
    private static func written(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
