import NSXConfig
import NSXOutput

/// The global options after flags, environment and config settings are weighed
/// (flag > environment > stored setting > default).
public struct GlobalOptions: Sendable {
    public static let defaultAPIURL = "https://app.nurosentrix.com"

    public var profile: String
    /// How suggested commands name `profile` (`--profile` unless it is the default one).
    public var suggestions: CommandSuggestions
    /// Explicitly chosen API URL (flag, env or setting); nil means "the profile's, else the default".
    public var explicitAPIURL: String?
    public var output: OutputFormat
    public var fields: [String]?
    public var noHeaders: Bool
    public var quiet: Bool
    /// `--no-color` (IOStreams decides colour with it).
    public var noColor: Bool
    public var testEnvironment: Bool
    public var verbose: Bool
    public var timeoutSeconds: Int
    public var caBundle: String?
    /// Where `caBundle` came from, for messages: `--cacert` or `NSX_CA_BUNDLE`.
    public var caBundleOrigin: String
    public var assumeYes: Bool
    public var noInput: Bool

    public var isMachineOutput: Bool { output == .json || output == .ndjson }
}
