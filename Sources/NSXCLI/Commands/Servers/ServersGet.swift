/// `nsx servers get ID|NAME`
enum ServersGet {
    static func run(_ invocation: Invocation) throws(CLIError) { try ResourceGet(view: .server).run(invocation) }
}
