#if canImport(Glibc)
import Glibc
#endif

/// A NUL-terminated copy of a string that the keyring thread owns, so it
/// stays valid even if the caller stops waiting. Secret copies are wiped
/// before their memory is freed. Never mutated after init, hence Sendable.
final class ShimString: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<CChar>
    private let capacity: Int
    private let wipesOnRelease: Bool

    init(_ string: String, wipesOnRelease: Bool = false) {
        let bytes = string.utf8
        capacity = bytes.count + 1
        pointer = .allocate(capacity: capacity)
        self.wipesOnRelease = wipesOnRelease
        var index = 0
        for byte in bytes {
            pointer[index] = CChar(bitPattern: byte)
            index += 1
        }
        pointer[index] = 0
    }

    deinit {
        if wipesOnRelease { explicit_bzero(pointer, capacity) }
        pointer.deallocate()
    }
}
