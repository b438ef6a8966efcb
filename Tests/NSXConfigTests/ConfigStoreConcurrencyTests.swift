import Foundation
import Synchronization
import Testing
import TestSupport
import NSXConfig

@Suite struct ConfigStoreConcurrencyTests {
    /// Runs `count` bodies on as many threads at once (not a pool), released
    /// together so they really contend.
    private func onSeparateThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for index in 0..<count {
            finished.enter()
            let thread = Thread {
                start.wait()
                body(index)
                finished.leave()
            }
            thread.start()
        }
        for _ in 0..<count { start.signal() }
        finished.wait()
    }

    @Test func fiftyWritersOfDifferentKeysLoseNoUpdateAndReadersNeverSeeHalfAFile() throws {
        try withTemporaryFolder { folder in
            let location = ConfigLocation(folder: folder + "/nsx")
            try ConfigStore(location: location).update { $0.settings["seed"] = "0" }
            let failures = Mutex<[String]>([])
            let writers = 50, readers = 4
            onSeparateThreads(writers + readers) { index in
                // Each thread has its own store and so its own lock descriptors.
                let store = ConfigStore(location: location)
                do {
                    if index < writers {
                        try store.update { $0.settings["key\(index)"] = "value\(index)" }
                    } else {
                        for _ in 0..<25 { _ = try store.load() }
                    }
                } catch {
                    failures.withLock { $0.append("\(index): \(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let settings = try ConfigStore(location: location).load().settings
            var expected = ["seed": "0"]
            for index in 0..<writers { expected["key\(index)"] = "value\(index)" }
            #expect(settings == expected)
        }
    }
}
