/// `nsx instances delete ID|NAME…` (only stopped instances; the server words the 409).
enum InstancesDelete {
    static func run(_ invocation: Invocation) throws(CLIError) { try ResourceDelete(view: .instance).run(invocation) }
}
