import Foundation
import Testing
import NSXConfig

/// `PrivateFiles.readIfPresent` reads into one buffer sized from fstat: whatever the size it
/// reported, the whole file comes back, and past the limit it stops.
@Suite struct PrivateFilesReadTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nsx-read-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 300, 4096, 70_000])
    func aFileComesBackWhole(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try PrivateFiles.readIfPresent(path) == bytes)
    }

    @Test func aMissingFileIsNil() throws {
        #expect(try PrivateFiles.readIfPresent("/nonexistent/nsx/config.json") == nil)
    }

    /// /proc files report a size of 0: the buffer grows until the end of the file.
    @Test func aFileLargerThanItsReportedSizeIsReadToTheEnd() throws {
        let bytes = try #require(try PrivateFiles.readIfPresent("/proc/self/maps"))
        #expect(bytes.count > 1000)
        #expect(bytes.last == UInt8(ascii: "\n"))
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let path = try temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(truncate(path, off_t(PrivateFiles.maximumFileSize + 1)) == 0)
        #expect(throws: FileSystemError.self) { try PrivateFiles.readIfPresent(path) }
    }
}
