import Foundation
import NSXCommandLine
import Testing
@testable import NSXCLI

/// The committed completions and man page are what the renderers produce from the tree now,
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
        #expect(page.contains(".SH EXIT STATUS"))
        #expect(page.contains(".SH ENVIRONMENT"))
        for variable in EnvironmentVariable.allCases {
            #expect(page.contains("\\fB\(variable.rawValue)"), "\(variable.rawValue) missing")
        }
        #expect(page.contains("nsx 0.1.0"))
        #expect(page.contains(Docs.releaseDate.replacingOccurrences(of: "-", with: "\\-")), "roff escapes hyphens")
    }

    @Test func extraEnvironmentIsOnlyWhatNoOptionDocuments() {
        #expect(Docs.extraEnvironment.map(\.term) == ["NSX_TOKEN", "NSX_CONFIG_DIR", "HTTPS_PROXY", "NO_PROXY"])
        #expect(Docs.exitStatus.map(\.term) == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "130"])
    }
}
