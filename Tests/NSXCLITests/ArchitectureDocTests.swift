import Foundation
import Testing

/// docs/ARCHITECTURE.md describes the code as it is: every path it names exists. A path is
/// anything in backticks that contains a slash or ends in a file extension, and every entry
/// of the `Sources/` tree at the top.
struct ArchitectureDocTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func document() throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
    }

    /// `Sources/NSXCLI/App/NSXApp.swift`, `Tests/TestSupport`: backticked words that are paths.
    static func namedPaths(_ text: String) -> [String] {
        var paths: [String] = []
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence else { continue }
            let pieces = line.split(separator: "`", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() where index % 2 == 1 {
                let word = String(piece)
                let looksLikePath = word.range(of: #"^[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]+)+/?$"#, options: .regularExpression) != nil
                    || word.range(of: #"^[A-Za-z0-9_+-]+\.(swift|md|yaml|c|h)$"#, options: .regularExpression) != nil
                if looksLikePath { paths.append(word) }
            }
        }
        return paths
    }

    /// The folders of the tree block that starts with `Sources/`.
    static func treeEntries(_ text: String) -> [String] {
        guard let start = text.range(of: "```\nSources/\n"),
              let end = text.range(of: "```", range: start.upperBound..<text.endIndex) else { return [] }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), let first = line.split(separator: " ").first, first.hasSuffix("/") else { return nil }
            return "Sources/" + first
        }
    }

    @Test func everyPathItNamesExists() throws {
        let text = try Self.document()
        let paths = Self.namedPaths(text) + Self.treeEntries(text)
        #expect(paths.count > 30, "the check finds the paths: \(paths)")
        for path in paths {
            let exists = FileManager.default.fileExists(atPath: Self.packageRoot.appendingPathComponent(path).path)
            #expect(exists, "docs/ARCHITECTURE.md names \(path), which does not exist")
        }
    }

    @Test func everyModuleIsInTheTree() throws {
        let listed = Set(Self.treeEntries(try Self.document()).map { $0.dropFirst("Sources/".count).dropLast() })
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("Sources").path)
            .filter { $0 != "Shims" }
        for module in modules {
            #expect(listed.contains(Substring(module)), "Sources/\(module) is missing from docs/ARCHITECTURE.md")
        }
    }

    @Test func theCheckNoticesAMissingPath() {
        #expect(Self.namedPaths("see `Sources/Nowhere/Gone.swift` and `x` and `a.swift`") == ["Sources/Nowhere/Gone.swift", "a.swift"])
    }
}
