import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which CPUs a thread may run on, and which it runs on, through glibc's `sched_*` calls:
/// its headers declare them only for `_GNU_SOURCE`, which Swift's Glibc module is built
/// without, so they are looked up by name.
public enum ThreadAffinity {
    /// The CPUs thread `tid` (0: the calling thread) may run on, as `sched_getaffinity`
    /// reports them (those online); nil when it cannot be read.
    public static func cpus(of tid: pid_t = 0) -> [Int]? {
        var set = cpu_set_t()
        let read = withUnsafeMutableBytes(of: &set) { getAffinity(tid, $0.count, $0.baseAddress!) }
        guard read == 0 else { return nil }
        return withUnsafeBytes(of: set) { bytes in
            (0..<bytes.count * 8).filter { bytes[$0 / 8] & UInt8(1 << ($0 % 8)) != 0 }
        }
    }

    /// Lets the calling thread run on `cpus` only; false when the kernel refuses.
    @discardableResult
    public static func set(_ cpus: [Int]) -> Bool {
        var set = cpu_set_t()
        withUnsafeMutableBytes(of: &set) { bytes in
            for cpu in cpus { bytes[cpu / 8] |= UInt8(1 << (cpu % 8)) }
        }
        return withUnsafeBytes(of: set) { setAffinity(0, $0.count, $0.baseAddress!) } == 0
    }

    /// The CPU the calling thread runs on now.
    public static var currentCPU: Int32 { getCPU() }

    private static let getCPU = libc("sched_getcpu", as: (@convention(c) () -> Int32).self)
    private static let getAffinity = libc("sched_getaffinity", as: (@convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32).self)
    private static let setAffinity = libc("sched_setaffinity", as: (@convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32).self)

    private static func libc<Function>(_ name: String, as type: Function.Type) -> Function {
        guard let symbol = dlsym(nil, name) else { fatalError("libc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }
}
