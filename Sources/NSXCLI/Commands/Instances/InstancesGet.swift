/// `nsx instances get ID|NAME`
enum InstancesGet {
    static func run(_ invocation: Invocation) throws(CLIError) { try ResourceGet(view: .instance).run(invocation) }
}
