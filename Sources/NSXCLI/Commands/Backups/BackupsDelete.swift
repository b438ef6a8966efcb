/// `nsx backups delete ID|NAME…` (not while it is being restored; the server words the 409).
enum BackupsDelete {
    static func run(_ invocation: Invocation) throws(CLIError) { try ResourceDelete(view: .backup).run(invocation) }
}
