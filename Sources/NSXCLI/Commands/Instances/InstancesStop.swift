/// `nsx instances stop ID|NAME… [--wait]`: running → stopping → stopped.
enum InstancesStop {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceAction(view: .instance, action: "stop", pastTense: "Stopped", endStatuses: ["stopped"]).run(invocation)
    }
}
