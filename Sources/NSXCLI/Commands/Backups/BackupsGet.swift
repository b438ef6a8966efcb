/// `nsx backups get ID|NAME`
enum BackupsGet {
    static func run(_ invocation: Invocation) throws(CLIError) { try ResourceGet(view: .backup).run(invocation) }
}
