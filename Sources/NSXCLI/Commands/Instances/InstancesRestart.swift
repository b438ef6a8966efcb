/// `nsx instances restart ID|NAME… [--wait]`: running → restarting → running.
enum InstancesRestart {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceAction(view: .instance, action: "restart", pastTense: "Restarted", endStatuses: ["running"]).run(invocation)
    }
}
