/// `nsx servers list [--region R] [--status S] [--name N] [--limit N | --all]`
enum ServersList {
    static func run(_ invocation: Invocation) throws(CLIError) {
        try ResourceList(view: .server, filters: [.exact("region"), .exact("status"), .exact("name")]).run(invocation)
    }
}
