import NSXCommandLine

/// A tree small enough that whole completion scripts can be pinned in a test and read.
enum Tiny {
    static let root = Command<Int>(
        "tool",
        summary: "A tiny tool",
        options: [
            .value("format", short: "f", .choice(["text", "json"]), help: "Output format"),
            .flag("quiet", short: "q", help: "Say less"),
        ],
        subcommands: [
            Command("items", summary: "Work with items", subcommands: [
                Command("list", aliases: ["ls"], summary: "List items",
                        options: [.value("input", .path, help: "Read names from a file")], action: 1),
                Command("show", summary: "Show an item",
                        arguments: [WordArgument.word("ITEM").completing(DynamicCompletion("items"))], action: 3),
            ]),
            Command("shell", summary: "Print a completion script",
                    arguments: [.word("SHELL", choices: ["bash", "zsh"])], action: 2),
        ])
}
