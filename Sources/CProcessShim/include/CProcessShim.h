// prctl(2) for Swift, which cannot call the variadic C function. Policy stays in Swift
// (Sources/NSXCLI/App/ProcessHardening.swift).
#ifndef NSX_PROCESS_SHIM_H
#define NSX_PROCESS_SHIM_H

/// prctl(PR_SET_DUMPABLE, value): 0 makes the process non-dumpable. Returns 0, or -1 with errno.
int nsx_process_set_dumpable(int value);

#endif
