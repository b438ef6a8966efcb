import NSXCommandLine

/// `nsx version`: the same line as `nsx --version`.
enum Version: Verb {
    static let spec = NSXCommand("version", summary: "Print the nsx version", action: runner)

    static func run(_ words: Void, _ streams: IOStreams) throws(CLIError) {
        streams.print("nsx \(NSXVersion.current)")
    }
}
