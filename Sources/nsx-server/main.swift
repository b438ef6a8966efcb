import Foundation
import NSXServer

// nsx-server: the local Nurosentrix API server. See `nsx-server --help`.
do {
    guard let configuration = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
        print(CommandLineOptions.usage)
        exit(0)
    }
    let app = try buildApplication(configuration)
    try await app.runService()
} catch let error as CommandLineOptions.UsageError {
    FileHandle.standardError.write(Data("nsx-server: \(error.description)\n\(CommandLineOptions.usage)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("nsx-server: \(error)\n".utf8))
    exit(1)
}
