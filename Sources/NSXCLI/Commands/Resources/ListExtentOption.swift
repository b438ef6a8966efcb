import NSXCommandLine

/// `--limit N` / `--all`: how much of a list to fetch (the first page without either).
enum ListExtentOption {
    static func parse(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> ListExtent {
        let all = parsed[.allPages]
        let limit = parsed[.limit]
        switch (all, limit) {
        case (true, .some): throw .usage("--limit and --all cannot be used together", hint: "--all fetches every page; --limit N stops after N items.")
        case (true, nil): return .all
        case (false, let limit?):
            guard limit > 0 else { throw .usage("--limit must be at least 1") }
            return .limit(limit)
        case (false, nil): return .firstPage
        }
    }
}
