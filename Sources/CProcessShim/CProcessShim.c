#define _GNU_SOURCE
#include "CProcessShim.h"

#include <sched.h>
#include <sys/prctl.h>

int nsx_process_set_dumpable(int value) {
    return prctl(PR_SET_DUMPABLE, (unsigned long)value, 0UL, 0UL, 0UL);
}

int nsx_process_step_aside(int cpu) {
    if (cpu < 0 || cpu >= CPU_SETSIZE || sched_getcpu() != cpu) return 0;
    cpu_set_t allowed;
    // More CPUs than a cpu_set_t holds makes this fail: the thread then stays put.
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0 || !CPU_ISSET(cpu, &allowed)) return 0;
    cpu_set_t elsewhere = allowed;
    CPU_CLR(cpu, &elsewhere);
    if (CPU_COUNT(&elsewhere) == 0) return 0;
    if (sched_setaffinity(0, sizeof elsewhere, &elsewhere) != 0) return 0;
    // The same mask was accepted a moment ago, so this does not fail in practice; if it
    // did, the thread would keep the smaller mask, which still holds a CPU it may use.
    sched_setaffinity(0, sizeof allowed, &allowed);
    return 1;
}
