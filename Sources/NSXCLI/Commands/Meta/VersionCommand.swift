/// `nsx version`: the same line as `nsx --version`.
enum VersionCommand {
    static func run(_ invocation: Invocation) throws(CLIError) {
        invocation.streams.print("nsx \(NSXVersion.current)")
    }
}
