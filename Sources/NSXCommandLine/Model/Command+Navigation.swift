extension Command {
    /// The command reached by the words of `path` (names or aliases) below this one,
    /// e.g. `["servers", "list"]`; the empty path is this command itself.
    public func find(path: [String]) -> Command? {
        chain(to: path)?.current
    }

    /// Every command without subcommands, hidden ones included, with its canonical path
    /// below this command, in declared order.
    public func leaves() -> [(path: [String], command: Command)] {
        allChains().filter { !$0.current.isGroup }.map { ($0.path, $0.current) }
    }
}
