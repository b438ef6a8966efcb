@testable import NSXCommandLine
import Testing

struct ManPageTests {
    static let renderer = ManPageRenderer(
        root: Sample.root, date: "2025-01-01", source: "nsx 1.0.0",
        environment: [ManPageEntry("NSX_TOKEN", "Use this credential; it is never stored.")],
        exitStatus: [ManPageEntry("0", "Success."), ManPageEntry("2", "Usage error.")],
        files: [ManPageEntry("~/.config/nsx/config.json", "Settings; never a secret.")],
        security: "Secrets live in the keyring.\n\nNever pass one as an argument.",
        seeAlso: ["jq(1)"],
        permissionDocs: PermissionDocs(descriptions: ["servers:write": "Create servers"],
                                       note: "An API token needs these: make one with --for \"{command}\".",
                                       none: "No API permission."))
    static let samplePage = renderer.render()
    static let createPage = renderer.render(path: ["servers", "create"])!

    /// groff's own check: with every warning enabled it must have nothing to say, on any page.
    @Test func groffFormatsEveryPageWithoutWarnings() throws {
        for page in Self.renderer.pages() {
            let result = try ShellRunner.run("groff", script: page.contents) { ["-man", "-Tutf8", "-ww", "-z", $0] }
            #expect(result.status == 0, "\(page.name)")
            #expect(result.errors == "", "\(page.name)")
        }
    }

    @Test func aPageForTheProgramAndEveryCommandAndGroup() {
        #expect(Self.renderer.pages().map(\.name) == [
            "nsx.1", "nsx-servers.1", "nsx-servers-list.1", "nsx-servers-get.1", "nsx-servers-create.1",
            "nsx-servers-delete.1", "nsx-tokens.1", "nsx-tokens-create.1", "nsx-tokens-show.1", "nsx-config.1",
            "nsx-config-set.1", "nsx-api.1", "nsx-completion.1", "nsx-help.1",
        ], "hidden commands have no page")
        #expect(Self.renderer.render(path: ["debug"]) == nil)
        #expect(Self.renderer.render(path: ["server", "ls"]) == Self.renderer.render(path: ["servers", "list"]))
    }

    @Test func formattedPagesReadAsPlainText() throws {
        let main = try ShellRunner.run("groff", script: Self.samplePage) { ["-man", "-Tascii", "-P-cbou", "-rLL=100n", $0] }.output
        #expect(main.contains("nsx - Work with Nurosentrix from the command line"))
        #expect(main.contains("nsx servers create\n              Create a server.  See nsx-servers-create(1)."))
        #expect(main.contains("-o, --output format"))
        #expect(main.contains("$ nsx servers list -o json"))
        #expect(!main.contains("debug"), "hidden commands stay out of the manual")

        let create = try ShellRunner.run("groff", script: Self.createPage) { ["-man", "-Tascii", "-P-cbou", "-rLL=100n", $0] }.output
        #expect(create.contains("nsx-servers-create - Create a server"))
        #expect(create.contains("nsx servers create --name NAME --plan PLAN [flags]"))
        #expect(create.contains("PERMISSIONS\n       servers:write\n              Create servers"))
        #expect(create.contains("make one with --for \"servers create\""))
        #expect(create.contains("Global options"))
        #expect(create.contains("SEE ALSO\n       nsx(1), nsx-servers(1), nsx-servers-list(1), nsx-servers-get(1), nsx-servers-delete(1), jq(1)"))
        let list = Self.renderer.render(path: ["servers", "list"]) ?? ""
        #expect(list.contains("Also typed as nsx servers ls."))
    }

    @Test(arguments: [
        ("--name", #"\-\-name"#),
        (#"C:\path"#, #"C:\epath"#),
        (".starts with a dot", #"\&.starts with a dot"#),
        ("'starts with a quote", #"\&'starts with a quote"#),
        ("two\n.lines", "two\n\\&.lines"),
        ("mid.dle 'quote", "mid.dle 'quote"),
        ("… and ✓", #"\[u2026] and \[u2713]"#),
    ])
    func escapesText(_ text: String, _ escaped: String) {
        #expect(Roff.escaped(text) == escaped)
    }

    @Test func quotesRequestArguments() {
        #expect(Roff.quotedArgument(#"say "hi""#) == #""say \(dqhi\(dq""#)
    }

    @Test func keepsPreformattedParagraphs() {
        #expect(Roff.paragraphs("One\nparagraph.\n\n  kept  as\n  is") == [
            ".PP", "One paragraph.", ".PP", ".nf", "  kept  as", "  is", ".fi",
        ])
    }

    /// mandoc warns about input lines over 80 bytes: prose is refilled, and a line that must
    /// stay one line is continued with an escaped newline at a blank.
    @Test func linesStayWithinEightyBytes() {
        let prose = Roff.filled(String(repeating: "word ", count: 60) + ".dot")
        #expect(prose.allSatisfy { $0.utf8.count <= 80 })
        #expect(prose.joined(separator: " ").split(separator: " ").count == 61)
        #expect(prose.contains { $0.hasPrefix("\\&.dot") || $0.contains(" .dot") }, "a line never starts with a bare dot")
        let example = "$ nsx servers list --all -o json | jq -r '.[] | select(.status == \"active\") | .name' | sort | uniq"
        let lines = Roff.unfilled(example)
        #expect(lines.count > 1 && lines.allSatisfy { $0.utf8.count <= 80 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix(" \\") })
        #expect(lines.map { $0.hasSuffix(" \\") ? String($0.dropLast()) : $0 }.joined() == Roff.escaped(example))
    }
}
