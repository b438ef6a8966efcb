import CProcessShim
import Testing
import TestSupport

/// `nsx_process_step_aside`, which the parent of a lookup child calls once the child runs on
/// its CPU: the calling thread moves to another CPU it may use, and keeps the affinity it
/// had. Affinity is per thread, and these tests hold their thread throughout (no suspension
/// points), restoring what they pin.
@Suite struct StepAsideTests {
    @Test func aThreadOnTheGivenCPUMovesElsewhereAndKeepsItsAffinity() throws {
        let allowed = try #require(ThreadAffinity.cpus())
        var moved = false
        // The scheduler may move the thread between asking where it runs and stepping aside
        // (the call then does nothing); a few tries rule that out.
        for _ in 0..<20 where !moved {
            moved = nsx_process_step_aside(ThreadAffinity.currentCPU) == 1
            #expect(ThreadAffinity.cpus() == allowed, "the affinity was not given back")
        }
        #expect(moved == (allowed.count > 1), "allowed CPUs: \(allowed)")
    }

    @Test func aThreadThatMayUseOneCPUStaysThere() throws {
        let allowed = try #require(ThreadAffinity.cpus())
        defer { ThreadAffinity.set(allowed) }
        let cpu = ThreadAffinity.currentCPU
        try #require(ThreadAffinity.set([Int(cpu)]))
        #expect(nsx_process_step_aside(cpu) == 0)
        #expect(ThreadAffinity.cpus() == [Int(cpu)])
        #expect(ThreadAffinity.currentCPU == cpu)
    }

    @Test func aThreadOnAnotherCPUStaysWhereItIs() throws {
        let allowed = try #require(ThreadAffinity.cpus())
        defer { ThreadAffinity.set(allowed) }
        let cpu = ThreadAffinity.currentCPU
        try #require(ThreadAffinity.set([Int(cpu)]))
        #expect(nsx_process_step_aside(cpu + 1) == 0)
        #expect(nsx_process_step_aside(-1) == 0)
        #expect(nsx_process_step_aside(1024) == 0)  // past what a cpu_set_t holds
        #expect(ThreadAffinity.cpus() == [Int(cpu)])
    }
}
