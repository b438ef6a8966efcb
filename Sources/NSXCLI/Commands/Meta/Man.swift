import NSXCommandLine

/// `nsx man` (hidden): the nsx(1) man page in roff, for packagers and scripts/generate-docs.
enum Man: Verb {
    static let spec = NSXCommand("man", summary: "Print the nsx(1) man page in roff", hidden: true, action: runner)

    static func run(_ words: Void, _ streams: IOStreams) throws(CLIError) {
        streams.out.write(Docs.manPage())
    }
}
