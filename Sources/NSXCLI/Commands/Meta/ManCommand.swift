/// `nsx man` (hidden): the nsx(1) man page in roff, for packagers and scripts/generate-docs.
enum ManCommand {
    static func run(_ invocation: Invocation) throws(CLIError) {
        invocation.streams.out.write(Docs.manPage())
    }
}
