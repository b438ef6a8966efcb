import CSecretShim
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// How the parent's side of a forked keyring lookup (`nsx_secret_lookup_finish`) ends a child
/// that does not answer properly. The real child needs a single-threaded process to fork
/// from (the end-to-end tests run it); here a shell stands in for it, writing to the answer
/// pipe what a child that hangs, dies or stops half-way would.
@Suite struct LookupChildTests {
    @Test func aChildThatNeverAnswersIsKilledAndReapedAtTheDeadline() throws {
        let child = try Self.fakeChild("exec sleep 30")
        let started = ContinuousClock.now
        let ending = Self.finish(child, timeoutMilliseconds: 200)
        #expect(ending.ending == NSXSecretChildTimedOut)
        #expect(ContinuousClock.now - started < .seconds(10), "finish waited for the child instead of killing it")
        #expect(Self.isGone(child.pid), "the child is still running or unreaped")
    }

    @Test func aChildThatDiesIsReportedWithItsSignal() throws {
        let child = try Self.fakeChild("kill -SEGV $$")
        let ending = Self.finish(child, timeoutMilliseconds: 5000)
        #expect(ending.ending == NSXSecretChildVanished)
        #expect(ending.message.contains("was ended by signal \(SIGSEGV) before it answered"), "\(ending.message)")
        #expect(Self.isGone(child.pid))
    }

    @Test func aChildThatStopsHalfWayIsReportedWithItsStatus() throws {
        // Three bytes: less than the answer's header, then the end of the pipe.
        let child = try Self.fakeChild("printf abc; exit 4")
        let ending = Self.finish(child, timeoutMilliseconds: 5000)
        #expect(ending.ending == NSXSecretChildVanished)
        #expect(ending.message.contains("exited with status 4 before it answered"), "\(ending.message)")
        #expect(!ending.received, "a partial answer reached the receiver")
        #expect(Self.isGone(child.pid))
    }

    /// A child that started later than its parent waited for leaves its start message in the
    /// pipe ahead of the answer (`start_unread`): the answer is read after it, not from it.
    @Test func aStartMessageLeftUnreadIsReadBeforeTheAnswer() throws {
        // The start message says CPU 1; then a whole "not found" answer (every field zero).
        let answerSize = 4 + 4 + MemoryLayout<NSXSecretError>.size + 4
        let child = try Self.fakeChild("printf '\\001\\000\\000\\000'; head -c \(answerSize) /dev/zero", startUnread: true)
        let ending = Self.finish(child, timeoutMilliseconds: 5000)
        #expect(ending.ending == NSXSecretChildAnswered, "\(ending.message)")
        #expect(ending.status == 0, "the start message was read as the answer's status")
        #expect(!ending.received)
        nsx_secret_child_reap(child)
        #expect(Self.isGone(child.pid))
    }

    // MARK: helpers

    struct Ending {
        var ending: NSXSecretChildEnding
        var message: String
        var received: Bool
        var status: Int32
    }

    static func finish(_ child: NSXSecretChild, timeoutMilliseconds: Int32) -> Ending {
        final class Flag { var raised = false }
        let flag = Flag()
        var status: Int32 = 0, locked: Int32 = 0
        var error = NSXSecretError()
        let ending = nsx_secret_lookup_finish(child, timeoutMilliseconds, { _, _, context in
            Unmanaged<Flag>.fromOpaque(context!).takeUnretainedValue().raised = true
        }, Unmanaged.passUnretained(flag).toOpaque(), &status, &locked, &error)
        let message = withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return withExtendedLifetime(flag) { Ending(ending: ending, message: message, received: flag.raised, status: status) }
    }

    /// `sh -c script` with its standard output on a new pipe, as a lookup child writes its
    /// answer; no signal blocked, so SIGKILL and the script's own signals behave as for nsx.
    static func fakeChild(_ script: String, startUnread: Bool = false) throws -> NSXSecretChild {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        let spawned = Result { try spawn("/bin/sh", ["-c", script], stdout: ends[1]) }
        close(ends[1])
        do {
            return NSXSecretChild(pid: try spawned.get(), answer_fd: ends[0], start_unread: startUnread ? 1 : 0)
        } catch {
            close(ends[0])
            throw error
        }
    }

    /// True when `pid` has exited and been reaped (a zombie still answers `kill(pid, 0)`).
    static func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }
}
