import CSecretShim
import Foundation
import Testing
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

    // MARK: helpers

    struct Ending {
        var ending: NSXSecretChildEnding
        var message: String
        var received: Bool
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
        return withExtendedLifetime(flag) { Ending(ending: ending, message: message, received: flag.raised) }
    }

    /// `sh -c script` with its standard output on a new pipe, as a lookup child writes its
    /// answer; no signal blocked, so SIGKILL and the script's own signals behave as for nsx.
    static func fakeChild(_ script: String) throws -> NSXSecretChild {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", script]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        close(ends[1])
        guard spawned == 0 else {
            close(ends[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        return NSXSecretChild(pid: pid, answer_fd: ends[0])
    }

    /// True when `pid` has exited and been reaped (a zombie still answers `kill(pid, 0)`).
    static func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }
}
