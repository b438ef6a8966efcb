/// An option as a command declares it, and the key its value is read back with.
///
/// Keys are declared once, as static members (swift-driver's option table), next to the
/// command that owns them:
///
///     extension OptionKey where Self == ValueOption {
///         static var region: Self { .value("region", .choice(regions), help: "Region") }
///     }
///
/// The command lists them (`options: [.region, .wait]`) and reads them typed
/// (`parsed[.region]` is a `String?`, `parsed[.wait]` a `Bool`), so a misspelt option is a
/// compile error rather than a value that is never there.
public protocol OptionKey: Sendable {
    var option: Option { get }
}

/// An option key whose value reads as `Value`.
public struct TypedOption<Value: Sendable>: OptionKey {
    public private(set) var option: Option
    /// Turns the words given for the option, in order (`["true"]` per use for flags), into the value.
    let read: @Sendable (_ given: [String]) -> Value

    init(_ option: Option, read: @escaping @Sendable (_ given: [String]) -> Value) {
        self.option = option
        self.read = read
    }
}

extension TypedOption {
    /// The same option, which the command cannot run without (`options: [.name.required]`):
    /// the parser refuses a command line lacking it, and help marks it.
    public var required: Self {
        var copy = self
        copy.option.required = true
        return copy
    }

    /// The same option, its values completed by asking the program (`DynamicCompletion`).
    public func completing(_ completion: DynamicCompletion) -> Self {
        var copy = self
        copy.option.completion = completion
        return copy
    }
}

/// Present or absent: `--wait`.
public typealias FlagOption = TypedOption<Bool>
/// One value, the last one given: `--region eu-central`.
public typealias ValueOption = TypedOption<String?>
/// Every value given, in order: `--label a=1 --label b=2`.
public typealias ListOption = TypedOption<[String]>
/// A whole number, or a duration in whole seconds: `--limit 5`, `--wait-timeout 2m`.
public typealias IntegerOption = TypedOption<Int?>
/// A decimal number: `--timeout 2.5`, optionally within a range.
public typealias NumberOption = TypedOption<Double?>

extension OptionKey where Self == FlagOption {
    public static func flag(_ long: String, short: Character? = nil, help: String, environment: String? = nil,
                            inherited: Bool = false, hidden: Bool = false) -> FlagOption {
        FlagOption(Option(long: long, short: short, kind: .flag, help: help, environment: environment,
                          inherited: inherited, hidden: hidden)) { !$0.isEmpty }
    }
}

extension OptionKey where Self == ValueOption {
    public static func value(_ long: String, short: Character? = nil, _ kind: ValueKind = .string,
                             valueName: String? = nil, help: String, default defaultValue: String? = nil,
                             environment: String? = nil, inherited: Bool = false, hidden: Bool = false) -> ValueOption {
        ValueOption(Option(long: long, short: short, kind: .value(kind), valueName: valueName, help: help,
                           defaultValue: defaultValue, environment: environment, inherited: inherited, hidden: hidden)) { $0.last }
    }
}

extension OptionKey where Self == ListOption {
    /// A value option that may be given several times.
    public static func list(_ long: String, short: Character? = nil, _ kind: ValueKind = .string,
                            valueName: String? = nil, help: String, environment: String? = nil,
                            inherited: Bool = false, hidden: Bool = false) -> ListOption {
        ListOption(Option(long: long, short: short, kind: .value(kind), valueName: valueName, help: help,
                          repeatable: true, environment: environment, inherited: inherited, hidden: hidden)) { $0 }
    }
}

extension OptionKey where Self == IntegerOption {
    public static func integer(_ long: String, short: Character? = nil, in range: ClosedRange<Int> = Int.min...Int.max,
                               valueName: String? = nil, help: String, default defaultValue: String? = nil,
                               environment: String? = nil, inherited: Bool = false, hidden: Bool = false) -> IntegerOption {
        IntegerOption(Option(long: long, short: short, kind: .value(.integer(range)), valueName: valueName, help: help,
                             defaultValue: defaultValue, environment: environment, inherited: inherited, hidden: hidden)) {
            $0.last.flatMap { Int($0) }
        }
    }

    /// `30s`, `5m`, `2h`, `7d` or combinations, read as whole seconds (`parseDuration(_:)`).
    public static func duration(_ long: String, short: Character? = nil, valueName: String? = nil, help: String,
                                default defaultValue: String? = nil, environment: String? = nil,
                                inherited: Bool = false, hidden: Bool = false) -> IntegerOption {
        IntegerOption(Option(long: long, short: short, kind: .value(.duration), valueName: valueName, help: help,
                             defaultValue: defaultValue, environment: environment, inherited: inherited, hidden: hidden)) {
            $0.last.flatMap(parseDuration)
        }
    }
}

extension OptionKey where Self == NumberOption {
    public static func number(_ long: String, short: Character? = nil, in range: ClosedRange<Double>? = nil,
                              valueName: String? = nil, help: String,
                              default defaultValue: String? = nil, environment: String? = nil,
                              inherited: Bool = false, hidden: Bool = false) -> NumberOption {
        NumberOption(Option(long: long, short: short, kind: .value(range.map { .number($0) } ?? .number),
                            valueName: valueName, help: help,
                            defaultValue: defaultValue, environment: environment, inherited: inherited, hidden: hidden)) {
            $0.last.flatMap { Double($0) }
        }
    }
}
