/// `nsx instances start ID|NAME… [--wait]`: stopped → starting → running.
enum InstancesStart {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceAction(view: .instance, action: "start", pastTense: "Started", endStatuses: ["running"]).run(invocation)
    }
}
