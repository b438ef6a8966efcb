import NSXCommandLine
import NSXConfig
import NSXOutput

/// The settings `nsx config` knows: what each means, its default, how a value is checked,
/// and where in config.json it lives.
enum ConfigKey: String, CaseIterable {
    case apiURL = "api_url"
    case output
    case color
    case profile

    /// `KEY` of `config get` and `config set`.
    static let argument: WordArgument = .word("KEY", choices: allCases.map(\.rawValue))

    var defaultValue: String {
        switch self {
        case .apiURL: GlobalOptions.defaultAPIURL
        case .output: OutputFormat.table.rawValue
        case .color: "auto"
        case .profile: "default"
        }
    }

    /// Reads a key typed by the user; unknown is a usage error with a suggestion.
    init(word: String) throws(CLIError) {
        guard let key = ConfigKey(rawValue: word) else {
            let known = Self.allCases.map(\.rawValue)
            let hint = closestMatch(to: word, in: known).map { "Did you mean \"\($0)\"? " } ?? ""
            throw .usage("unknown setting \"\(word)\"", hint: "\(hint)Settings: \(known.joined(separator: ", ")).")
        }
        self = key
    }

    /// The value as it will be stored, or a usage error saying what is accepted.
    /// An empty value removes the setting (back to the default).
    func validated(_ raw: String) throws(CLIError) -> String? {
        let value = raw.trimmingWhitespace()
        if value.isEmpty { return nil }
        switch self {
        case .apiURL:
            if let problem = APIURL.problem(with: value) {
                throw .usage("invalid api_url \"\(value)\": \(problem.reason)", hint: problem.hint)
            }
            return APIURL.normalized(value)
        case .output:
            try Self.choose(value, from: OutputFormat.allCases.map(\.rawValue), key: self)
            return value
        case .color:
            try Self.choose(value, from: ["auto", "never"], key: self)
            return value
        case .profile:
            guard ProfileName.isValid(value) else {
                throw .usage("invalid profile name \"\(value)\"", hint: "Use letters, digits, '-', '_' and '.'.")
            }
            return value
        }
    }

    private static func choose(_ value: String, from choices: [String], key: ConfigKey) throws(CLIError) {
        guard !choices.contains(value) else { return }
        let suggestion = closestMatch(to: value, in: choices).map { "Did you mean \"\($0)\"? " } ?? ""
        throw .usage("invalid value \"\(value)\" for \(key.rawValue)",
                     hint: "\(suggestion)Use one of: \(choices.joined(separator: ", ")).")
    }

    /// The stored value, or nil when unset.
    func stored(in document: ConfigDocument) -> String? {
        self == .profile ? document.defaultProfile : document.settings[rawValue]
    }

    func store(_ value: String?, in document: inout ConfigDocument) {
        if self == .profile {
            document.defaultProfile = value
        } else {
            document.settings[rawValue] = value
        }
    }
}
