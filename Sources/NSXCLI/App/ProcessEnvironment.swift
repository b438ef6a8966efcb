#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables, read once at start-up.
enum ProcessEnvironment {
    static func current() -> [String: String] {
        var count = 0
        while environ[count] != nil { count += 1 }
        var result: [String: String] = [:]
        result.reserveCapacity(count)  // one allocation, no rehashing as it grows
        var pointer = environ
        while let entry = pointer.pointee {
            // Split at the first "=" on the C string's bytes: no String is built for the
            // whole entry and no grapheme is walked (this ran for every variable, every run).
            if let equals = strchr(entry, Int32(UInt8(ascii: "="))) {
                let nameLength = entry.distance(to: equals)
                let name = UnsafeRawBufferPointer(start: entry, count: nameLength)
                result[String(decoding: name, as: UTF8.self)] = String(cString: equals + 1)
            }
            pointer += 1
        }
        return result
    }
}
