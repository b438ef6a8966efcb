/// `nsx servers delete ID|NAME…` (a server with instances is a 409 the server words).
enum ServersDelete {
    static func run(_ invocation: Invocation) throws(CLIError) { try ResourceDelete(view: .server).run(invocation) }
}
