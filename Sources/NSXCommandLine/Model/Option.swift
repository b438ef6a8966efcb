/// A named option, in the spirit of swift-driver's option table: a static value
/// with a kind, help text and scope. Commands declare and read options through typed
/// keys (`OptionKey`), which carry one of these.
public struct Option: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Present or absent; `ParsedCommand.values` holds `["true"]` when present.
        case flag
        /// Takes one value, checked against the `ValueKind` when parsed.
        case value(ValueKind)
    }

    /// The name after `--`, and the key of the parsed values.
    public var long: String
    public var short: Character?
    public var kind: Kind
    /// The placeholder for the value in help (`--output format`).
    public var valueName: String
    public var help: String
    /// May be given several times; values are kept in order. A flag that is not
    /// repeatable may still be given twice (flags are idempotent); a value option may not.
    public var repeatable: Bool
    /// What applies when the option is absent. Documentation only: the parser never
    /// adds it, so the caller can tell "given" from "not given".
    public var defaultValue: String?
    /// The environment variable that also sets this, for documentation (`NSX_OUTPUT`, `NSX_DEBUG=1`).
    public var environment: String?
    /// Accepted by every command below the one that declares it. Options declared on
    /// the root are always inherited: they are the global options.
    public var inherited: Bool
    /// Parsed as usual but left out of help, completions and the man page.
    public var hidden: Bool
    /// The command cannot run without it: the parser says so, help marks it.
    public var required: Bool
    /// Values the completion scripts ask the program for (live IDs, profiles).
    public var completion: DynamicCompletion?

    public init(
        long: String,
        short: Character? = nil,
        kind: Kind,
        valueName: String? = nil,
        help: String,
        repeatable: Bool = false,
        defaultValue: String? = nil,
        environment: String? = nil,
        inherited: Bool = false,
        hidden: Bool = false,
        required: Bool = false,
        completion: DynamicCompletion? = nil
    ) {
        self.long = long
        self.short = short
        self.kind = kind
        switch kind {
        case .flag: self.valueName = valueName ?? ""
        case .value(let valueKind): self.valueName = valueName ?? valueKind.defaultValueName
        }
        self.help = help
        self.repeatable = repeatable
        self.defaultValue = defaultValue
        self.environment = environment
        self.inherited = inherited
        self.hidden = hidden
        self.required = required
        self.completion = completion
    }

    public var takesValue: Bool { valueKind != nil }

    public var valueKind: ValueKind? {
        if case .value(let valueKind) = kind { return valueKind }
        return nil
    }

    /// `-o, --output` or `--output`: how messages and docs name the option.
    var displayNames: String {
        if let short { return "-\(short), --\(long)" }
        return "--\(long)"
    }
}
