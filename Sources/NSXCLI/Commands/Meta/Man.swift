import NSXCommandLine

/// `nsx man [PAGE]` (hidden): a page of the manual in roff — nsx(1) by default, or a
/// command's (`nsx man nsx-servers-create`); `--list` names every page. For packagers and
/// scripts/generate-docs.
enum Man: Verb {
    static let page: OptionalWordArgument = .optionalWord("PAGE", help: "A page name, e.g. nsx-servers-create")

    static let spec = NSXCommand("man", summary: "Print a page of the nsx manual in roff", options: [.listPages],
                                 arguments: [page], hidden: true, action: runner)

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> (page: String?, list: Bool) {
        (parsed[page], parsed[.listPages])
    }

    static func run(_ words: (page: String?, list: Bool), _ streams: IOStreams) throws(CLIError) {
        let pages = Docs.manPages()
        if words.list {
            streams.out.write(pages.map { $0.name + "\n" }.joined())
            return
        }
        let name = words.page.map { $0.hasSuffix(".1") ? String($0.dropLast(2)) : $0 } ?? "nsx"
        guard let found = pages.first(where: { $0.name == name + ".1" }) else {
            throw .usage("no manual page \"\(name)\"", hint: "nsx man --list names them.")
        }
        streams.out.write(found.contents)
    }
}

extension OptionKey where Self == FlagOption {
    static var listPages: Self { .flag("list", help: "Name every page") }
}
