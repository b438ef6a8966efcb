import NSXCommandLine
import Testing

struct NavigationTests {
    @Test func findsCommandsByNameOrAlias() {
        #expect(Sample.root.find(path: [])?.name == "nsx")
        #expect(Sample.root.find(path: ["servers", "list"])?.action == .serversList)
        #expect(Sample.root.find(path: ["server", "ls"])?.action == .serversList)
        #expect(Sample.root.find(path: ["debug"])?.hidden == true)
        #expect(Sample.root.find(path: ["servers", "nope"]) == nil)
        #expect(Sample.root.find(path: ["servers", "list", "more"]) == nil)
    }

    @Test func walksEveryLeafWithItsPath() {
        let leaves = Sample.root.leaves()
        #expect(leaves.map { $0.path.joined(separator: " ") } == [
            "servers list", "servers get", "servers create", "servers delete",
            "tokens create", "tokens show", "config set", "api", "completion", "help", "debug",
        ])
        let permissions = leaves.filter { $0.path.first == "servers" }.flatMap(\.command.permissions)
        #expect(Set(permissions) == ["servers:read", "servers:write"])
    }

    @Test func theSampleTreeIsConsistent() {
        #expect(Sample.root.consistencyProblems() == [])
    }

    @Test func reportsMistakesInATree() {
        let broken = Command<Int>(
            "tool",
            summary: "A broken tree",
            options: [
                .flag("help", help: "Mine"),
                .value("level", .integer(1...3), help: "Level", default: "9"),
                .list("tag", help: "A tag (repeatable)"),
                .flag("force", short: "f", help: "Force"),
            ],
            subcommands: [
                Command("run", aliases: ["go"], summary: "Run",
                        options: [.flag("fast", short: "f", help: "Fast"), .value("level", help: "Again")],
                        arguments: [.words("FILES"), .word("TARGET")],
                        examples: [Example("tool run --nope x y"), Example("tool run a b | wc -l")], action: 1),
                Command("go", summary: "Clashes with an alias", action: 2),
                Command("group", summary: "Both", arguments: [.word("X")], subcommands: [Command("leaf", summary: "Leaf", action: 3)]),
            ])
        #expect(broken.consistencyProblems() == [
            "\"tool\" has two subcommands called \"go\"",
            "\"tool\" declares --help, which is built in",
            "\"tool\" --level has default \"9\", not an integer from 1 to 3",
            "\"tool\" --tag says (repeatable…) in its help, which help adds itself",
            "\"tool run\" accepts -f twice",
            "\"tool run\" accepts --level twice",
            "\"tool run\" has arguments after the repeatable FILES",
            "example \"tool run --nope x y\" does not parse: unknown option --nope",
            "\"tool group\" has both subcommands and arguments",
        ])
    }
}
