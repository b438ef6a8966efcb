// Process-level system calls that Swift cannot make itself (variadic prctl) or that the
// other shims share. Policy stays in Swift (Sources/NSXCLI/App/ProcessHardening.swift)
// and in the callers.
#ifndef NSX_PROCESS_SHIM_H
#define NSX_PROCESS_SHIM_H

/// prctl(PR_SET_DUMPABLE, value): 0 makes the process non-dumpable. Returns 0, or -1 with errno.
int nsx_process_set_dumpable(int value);

/// Moves the calling thread off `cpu` when it runs there, onto another CPU it may use, and
/// then allows again the CPUs it could use before (sched_getaffinity's: those online): the
/// kernel leaves a thread where it is when its CPU stays allowed, so the move sticks. For a parent
/// that has just started a child on its own CPU: the child keeps the CPU it is warm on,
/// and the parent's work goes on beside it instead of taking turns with it.
/// Returns 1 when the thread moved; 0 when it was not on `cpu`, may use no other CPU, or
/// the affinity could not be changed.
int nsx_process_step_aside(int cpu);

#endif
