import Foundation
import NSXCommandLine
import Testing
@testable import NSXCLI

/// The committed completions and manual are what the renderers produce from the tree now,
/// so they cannot drift from it. After changing the tree, run scripts/generate-docs.
struct GeneratedDocsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: Docs.files.map(\.path))
    func committedFileIsCurrent(_ path: String) throws {
        let expected = try #require(Docs.files.first { $0.path == path }).contents
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent(path), encoding: .utf8)
        #expect(committed == expected, "\(path) is stale: run scripts/generate-docs")
    }

    /// Pages in man/ that are not rendered from nsx's tree.
    static let handWritten: Set<String> = ["nsx-server.1"]

    @Test func manHoldsNoPageTheTreeDoesNotMake() throws {
        let made = Set(Docs.manPages().map(\.name))
        let committed = Set(try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("man").path))
            .subtracting(Self.handWritten)
        #expect(committed == made, "man/ differs from the tree's pages: run scripts/generate-docs")
    }

    @Test func thereIsAPageForEveryCommand() {
        let names = Set(Docs.manPages().map(\.name))
        for (path, command) in CommandTree.root.leaves() where !command.hidden {
            #expect(names.contains((["nsx"] + path).joined(separator: "-") + ".1"), "no page for nsx \(path.joined(separator: " "))")
        }
        #expect(names.contains("nsx.1") && names.contains("nsx-servers-create.1"))
        #expect(!names.contains { $0.contains("complete") || $0 == "nsx-man.1" }, "hidden commands have no page")
    }

    /// mandoc's own check, with every style warning: it must have nothing to say on any page.
    @Test func mandocFindsNothingToSay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-man-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for page in Docs.manPages() {
            let file = folder.appendingPathComponent(page.name)
            try page.contents.write(to: file, atomically: true, encoding: .utf8)
            paths.append(file.path)
        }
        let mandoc = try #require(["/usr/bin/mandoc", "/bin/mandoc"].first(where: FileManager.default.isExecutableFile(atPath:)),
                                  "mandoc is not installed: apt-get install mandoc (scripts/install-deps)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: mandoc)
        process.arguments = ["-Tlint", "-W", "style"] + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.isEmpty, "\(text)")
        #expect(process.terminationStatus == 0)
    }

    @Test func everyPageHasTheSectionsOfTheManual() {
        for page in Docs.manPages() {
            var sections = [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH ENVIRONMENT", ".SH FILES",
                            ".SH \"EXIT STATUS\"", ".SH SECURITY", ".SH \"SEE ALSO\""]
            let isCommand = page.name != "nsx.1" && !CommandTree.root.subcommands.contains { $0.isGroup && page.name == "nsx-\($0.name).1" }
            if isCommand { sections.append(".SH PERMISSIONS") }
            for section in sections {
                #expect(page.contents.contains("\n" + section + "\n"), "\(page.name) has no \(section)")
            }
        }
        let create = Docs.manPages().first { $0.name == "nsx-servers-create.1" }?.contents ?? ""
        #expect(create.contains(".SH PERMISSIONS\n.TP\n\\fBservers:write\\fR\nCreate, update, delete servers"))
        #expect(create.contains("\\fBnsx\\fR(1)"))
        #expect(Docs.manPage().contains("jq"), "nsx(1) has examples with jq")
        let files = Docs.manPage()
        for file in ["config.json", "config.lock", "credentials.json", ".cache/nsx", "com.nurosentrix.nsx"] {
            #expect(files.contains(file.replacingOccurrences(of: "-", with: "\\-")), "FILES lacks \(file)")
        }
    }

    @Test func completionsKnowTheRealCommands() {
        for shell in Shell.allCases {
            let script = Docs.completion(shell)
            for word in ["login", "logout", "servers", "tokens", "doctor", "completion", "profile", "insecure-storage"] {
                #expect(script.contains(word), "\(shell) completion lacks \(word)")
            }
            #expect(!script.contains("\"man\""), "the hidden man command is not offered")
        }
    }

    @Test func manPageHasExitCodesAndEveryVariable() {
        let page = Docs.manPage()
        #expect(page.contains(".SH \"EXIT STATUS\""))
        #expect(page.contains(".SH ENVIRONMENT"))
        for variable in EnvironmentVariable.allCases {
            #expect(page.contains("\\fB\(variable.rawValue)"), "\(variable.rawValue) missing")
        }
        #expect(page.contains("nsx 0.1.0"))
        #expect(page.contains("\"\(Docs.releaseDate)\""), "the date stays as written, for mandoc to read")
    }

    @Test func extraEnvironmentIsOnlyWhatNoOptionDocuments() {
        #expect(Docs.extraEnvironment.map(\.term) == ["NSX_TOKEN", "NSX_CONFIG_DIR", "XDG_CACHE_HOME", "HTTPS_PROXY", "NO_PROXY"])
        #expect(Docs.exitStatus.map(\.term) == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "130"])
    }
}
