#if canImport(Glibc)
import Glibc
#endif
import CProcessShim

/// Keeps secrets out of core dumps, as ssh-agent and gpg-agent do: before nsx reads any
/// session or token, the process is made non-dumpable (no core file, and no other process of
/// the same user may ptrace it or read its memory through /proc) and its core size limit is
/// set to 0, soft and hard.
enum ProcessHardening {
    static func apply() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        _ = nsx_process_set_dumpable(0)
    }
}
