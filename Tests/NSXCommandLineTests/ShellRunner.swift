import Foundation
import Testing

/// Runs an installed shell on a script written to a private temporary file, so tests
/// exercise generated scripts with the real interpreters (and stay parallel-safe).
enum ShellRunner {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        /// Where the script was while it ran.
        var scriptPath: String

        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    /// Writes `script` to a temporary file and runs `shell` with the arguments built
    /// from that file's path; the file is removed afterwards. Fails the test, naming
    /// the Debian package, when the shell is not installed.
    static func run(_ shell: String, script: String, arguments: (String) -> [String]) throws -> Result {
        let executable = try #require(
            ["/usr/bin/", "/bin/"].map { $0 + shell }.first(where: FileManager.default.isExecutableFile(atPath:)),
            "\(shell) is not installed: apt-get install \(shell)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nsxcl-\(UUID().uuidString).\(shell)")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments(file.path)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C.UTF-8"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Outputs here are small, far below a pipe's buffer, so reading one after the other cannot block.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: outputData, as: UTF8.self),
                      errors: String(decoding: errorData, as: UTF8.self),
                      scriptPath: file.path)
    }
}
