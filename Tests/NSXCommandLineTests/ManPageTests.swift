@testable import NSXCommandLine
import Testing

struct ManPageTests {
    static let samplePage = ManPageRenderer(
        root: Sample.root, date: "2025-01-01", source: "nsx 1.0.0",
        environment: [ManPageEntry("NSX_TOKEN", "Use this credential; it is never stored.")],
        exitStatus: [ManPageEntry("0", "Success."), ManPageEntry("2", "Usage error.")]
    ).render()

    /// groff's own check: with every warning enabled it must have nothing to say.
    @Test func groffFormatsThePageWithoutWarnings() throws {
        let result = try ShellRunner.run("groff", script: Self.samplePage) { ["-man", "-Tutf8", "-ww", "-z", $0] }
        #expect(result.status == 0)
        #expect(result.errors == "")
    }

    @Test func formattedPageReadsAsPlainText() throws {
        let result = try ShellRunner.run("groff", script: Self.samplePage) { ["-man", "-Tascii", "-P-cbou", "-rLL=100n", $0] }
        let text = result.output
        #expect(text.contains("nsx - Work with Nurosentrix from the command line"))
        #expect(text.contains("nsx servers create --name NAME --plan PLAN [flags]"))
        #expect(text.contains("-o, --output format"))
        #expect(text.contains("Aliases: nsx servers ls"))
        #expect(text.contains("$ nsx servers list --status running --label env=prod"))
        #expect(!text.contains("debug"), "hidden commands stay out of the page")
    }

    @Test(arguments: [
        ("--name", #"\-\-name"#),
        (#"C:\path"#, #"C:\epath"#),
        (".starts with a dot", #"\&.starts with a dot"#),
        ("'starts with a quote", #"\&'starts with a quote"#),
        ("two\n.lines", "two\n\\&.lines"),
        ("mid.dle 'quote", "mid.dle 'quote"),
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
}
