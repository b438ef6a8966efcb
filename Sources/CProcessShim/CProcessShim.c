#include "CProcessShim.h"

#include <sys/prctl.h>

int nsx_process_set_dumpable(int value) {
    return prctl(PR_SET_DUMPABLE, (unsigned long)value, 0UL, 0UL, 0UL);
}
