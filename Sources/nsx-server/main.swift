import Foundation
import NSXCommandLine
import NSXServer

// nsx-server: the local Nurosentrix API server. See `nsx-server --help`.
// Exit status: 0 after --help or --version, 1 when it cannot start, 2 for a usage error.
do {
    switch try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help(let page):
        print(page, terminator: "")
    case .version(let line):
        print(line)
    case .run(let configuration):
        let app = try buildApplication(configuration)
        try await app.runService()
    }
} catch let error as UsageError {
    FileHandle.standardError.write(Data("nsx-server: \(error.description)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("nsx-server: \(error)\n".utf8))
    exit(1)
}
