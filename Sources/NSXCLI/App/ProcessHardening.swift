#if canImport(Glibc)
import Glibc
#endif
import CProcessShim

/// Keeps secrets out of core dumps, as ssh-agent and gpg-agent do: before nsx reads any
/// session or token, the process is made non-dumpable (no core file, and no other process of
/// the same user may ptrace it or read its memory through /proc) and its core size limit is
/// set to 0, soft and hard. Standard input, output and error that were closed are opened on
/// /dev/null, so that no pipe or file nsx opens later takes their number and receives what
/// is meant for them (the keyring child's pipe, a config file, a socket).
enum ProcessHardening {
    static func apply() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            _ = open("/dev/null", O_RDWR)  // the lowest free number: this one
        }
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        _ = nsx_process_set_dumpable(0)
    }
}
