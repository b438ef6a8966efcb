import Foundation
import Synchronization
import Testing
@testable import NSXHTTP

/// The pause behind retries and `--wait`: Ctrl-C must end it at once, not at the next look.
@Suite("interruptible waits")
struct InterruptibleWaitTests {
    @Test("a byte on the wake-up descriptor ends a long wait at once")
    func wakesAtOnce() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let raised = Atomic(false)
        let writeEnd = ends[1]
        Thread.detachNewThread {
            usleep(50_000)
            raised.store(true, ordering: .sequentiallyConsistent)
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
        let started = ContinuousClock.now
        let stopped = InterruptibleWait.wait(upTo: .seconds(60), wakingOn: ends[0]) { raised.load(ordering: .sequentiallyConsistent) }
        #expect(stopped)
        // A minute's wait ended early; the bound is generous for a busy machine.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("without a wake-up the whole time passes, and the answer is that nothing stopped it")
    func waitsTheWholeTime() {
        let started = ContinuousClock.now
        #expect(!InterruptibleWait.wait(upTo: .milliseconds(30), wakingOn: -1) { false })
        #expect(ContinuousClock.now - started >= .milliseconds(30))
    }

    @Test("a flag already raised does not wait at all")
    func alreadyRaised() {
        #expect(InterruptibleWait.wait(upTo: .seconds(60), wakingOn: -1) { true })
    }
}
